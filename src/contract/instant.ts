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
  // Unary plus on the fields: every live event is read here, and Date's setters are runtime calls.
  const year = +match[1];
  const month = +match[2];
  const day = +match[3];
  const hour = +match[4];
  const minute = +match[5];
  const second = match[6] === undefined ? 0 : +match[6];
  const offsetHour = match[9] === undefined ? 0 : +match[9];
  const offsetMinute = match[10] === undefined ? 0 : +match[10];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHour > 23 || offsetMinute > 59) return undefined;
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  const fraction = match[7] ?? '';
  const millis =
    (daysSinceEpoch(year, month, day) * 1440 + hour * 60 + minute - offset) * 60_000 +
    second * 1000 +
    +fraction.slice(0, 3).padEnd(3, '0');
  return Date.parse(value) === millis ? millis : undefined;
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar, any year (H. Hinnant's
 * days_from_civil: the year counted from March, so the leap day is the year's last).
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
