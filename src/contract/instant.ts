/**
 * DESIGN.md, "Instants": every instant is an RFC 3339 date-time (a `T`, seconds
 * optional, fraction optional, `Z` or a `±hh:mm` offset), and anything the
 * browser's `Date` cannot read exactly is invalid data. The elements read
 * instants with `Date.parse` everywhere, so a value is only valid when this
 * browser's `Date.parse` gives exactly the instant its fields say.
 *
 * The profile of RFC 3339 (see ARCHITECTURE.md): `T` and `Z` upper case only
 * (RFC 3339 §5.6 lets a specification require it, and Firefox's `Date` cannot
 * read `t` or `z`); seconds 00-59 (a leap second `:60` has no place on `Date`'s
 * time line); a fraction of 1 to 9 digits, read to the millisecond by
 * truncation as `Date` does (beyond nanoseconds no clock is that precise);
 * offsets up to ±23:59; years 0000 to 9999. `-00:00` ("offset unknown") names
 * the same instant as `Z`.
 */

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month of the proleptic Gregorian calendar (`Date.UTC` would read years 0-99 as 1900-1999). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a year, month and day name a day that exists (no 30 February). */
export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The instant `value` names, in milliseconds since the epoch, when it is an
 * instant by the rule above and `Date.parse` reads exactly that; otherwise
 * undefined.
 */
export function instantMillis(value: string): number | undefined {
  const match = INSTANT.exec(value);
  if (!match) return undefined;
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second = '0',
    fraction = '',
    sign,
    offsetHour = '0',
    offsetMinute = '0',
  ] = match;
  const [y, mo, d, h, mi, s, oh, om] = [year, month, day, hour, minute, second, offsetHour, offsetMinute].map(
    Number,
  );
  if (!isRealDay(y, mo, d) || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) return undefined;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  const time = new Date(0);
  time.setUTCFullYear(y, mo - 1, d);
  time.setUTCHours(h, mi - offsetMinutes, s, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const millis = time.getTime();
  return Date.parse(value) === millis ? millis : undefined;
}
