/**
 * Formatting for the hand-written dashboards (the fair baseline and the React
 * app): what a careful host developer writes, every `Intl` formatter built
 * once and cached, en-US in UTC like the library's timed pages.
 */
const LOCALE = 'en-US';
const TIME_ZONE = 'UTC';
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

const dates = (key: string, options: Intl.DateTimeFormatOptions) =>
  cached(key, () => new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, ...options }));

export interface Money {
  amountMinor: number;
  currency: string;
}

export const count = (n: number): string => cached('n', () => new Intl.NumberFormat(LOCALE)).format(n);

export const share = (fraction: number): string =>
  cached('%', () => new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 })).format(
    fraction,
  );

function currency(code: string): Intl.NumberFormat {
  return cached(`c${code}`, () => new Intl.NumberFormat(LOCALE, { style: 'currency', currency: code }));
}

/** Minor units to the currency's own digits (JPY 0, USD 2, KWD 3). */
export function money({ amountMinor, currency: code }: Money): string {
  const format = currency(code);
  return format.format(amountMinor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

export const dateTime = (iso: string): string =>
  dates('dt', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
export const date = (iso: string | number): string =>
  dates('d', { dateStyle: 'medium' }).format(new Date(iso));
export const monthYear = (iso: string | number): string =>
  dates('my', { month: 'short', year: 'numeric' }).format(new Date(iso));
export const monthDay = (iso: string | number): string =>
  dates('md', { month: 'short', day: 'numeric' }).format(new Date(iso));
export const exact = (iso: string): string =>
  dates('x', { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(iso));
export const range = (start: string, end: string): string =>
  dates('r', {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).formatRange(new Date(start), new Date(end));

const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['second', 1e3, 60],
  ['minute', 6e4, 60],
  ['hour', 36e5, 24],
  ['day', 864e5, 7],
  ['week', 7 * 864e5, 30 / 7],
  ['month', 30 * 864e5, 12],
  ['year', 365 * 864e5, Infinity],
];

/** Relative texts already made, by amount and unit: `Intl.RelativeTimeFormat` builds each anew. */
const relativeTexts = new Map<string, string>();

/** "2 weeks ago", in the largest unit that fits. */
export function relative(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  let amount = 0;
  let unit: Intl.RelativeTimeFormatUnit = 'second';
  if (abs >= 45e3) {
    let i = UNITS.length - 1;
    while (i > 0 && abs < UNITS[i][1]) i--;
    while (Math.round(abs / UNITS[i][1]) >= UNITS[i][2]) i++;
    amount = Math.sign(diff) * Math.round(abs / UNITS[i][1]);
    unit = UNITS[i][0];
  }
  const key = `${amount}|${unit}`;
  let text = relativeTexts.get(key);
  if (text === undefined) {
    const format = cached('rel', () => new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' }));
    text = format.format(amount, unit);
    relativeTexts.set(key, text);
  }
  return text;
}

/** A percentage for an SVG attribute: at most three decimals, no trailing zeros ("75.781%", "10%"). */
export const pct = (n: number): string => `${Math.round(n * 1000) / 1000}%`;
