/**
 * ISO 4217 minor-unit exponents: how many decimal places `amountMinor` has.
 *
 * Deliberately not `Intl`'s `maximumFractionDigits`: those are a locale's
 * display digits (CLDR), which differ from ISO 4217 for several currencies
 * (HUF, IDR, COP show 0 digits but have exponent 2; IQD shows 0 but has 3).
 * Reading the amount with display digits scales it by 100 or 1000.
 *
 * Only the codes whose exponent is not 2 are listed, to keep the bundle small;
 * test/format/currency-exponent.test.ts checks this table against the ISO list
 * (the `currency-codes` package) for every active code.
 *
 * Codes for which ISO 4217 gives no minor unit at all ("N.A.": precious
 * metals XAU XAG XPD XPT, the bond-market units XBA–XBD, XDR, XSU, XUA, and
 * XTS/XXX) are read with exponent 0: with no minor unit, the amount counts
 * whole units. `currency-codes` reads "N.A." the same way.
 */
const CODES_BY_EXPONENT: [exponent: number, codes: string][] = [
  // No minor unit.
  [0, 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'],
  // ISO gives "N.A." (no minor unit defined): whole units.
  [0, 'XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX'],
  // Thousandths.
  [3, 'BHD IQD JOD KWD LYD OMR TND'],
  // Ten-thousandths (units of account).
  [4, 'CLF UYW'],
];

const EXPONENT_NOT_2 = new Map<string, number>(
  CODES_BY_EXPONENT.flatMap(([exponent, codes]) => codes.split(' ').map((code) => [code, exponent] as const)),
);

/** Exponent of a code ISO 4217 does not list (or that is not well-formed): cents, the common case. */
export const DEFAULT_CURRENCY_EXPONENT = 2;

/**
 * The ISO 4217 exponent of `currency`: `amountMinor / 10 ** exponent` is the
 * amount in major units. USD 2, JPY 0, KWD 3, IQD 3, HUF 2, CLF 4; a code ISO
 * does not list: 2.
 */
export function currencyExponent(currency: string): number {
  return EXPONENT_NOT_2.get(currency) ?? DEFAULT_CURRENCY_EXPONENT;
}

/** The amount in major units (dollars, yen, dinars): `amountMinor` scaled by the ISO 4217 exponent. */
export function majorAmount({ amountMinor, currency }: { amountMinor: number; currency: string }): number {
  return amountMinor / 10 ** currencyExponent(currency);
}

/**
 * The amount in major units as an exact decimal string (-123450 USD cents: "-1234.50"), which `Intl`
 * formats as written: a float scaled by a power of ten is a unit off for about one amount in ten of
 * 16 digits. A BigInt (a sum or product the card computed past 2^53) is written exactly too. A number
 * that is not a safe integer is given as that float.
 */
export function decimalAmount(money: { amountMinor: number | bigint; currency: string }): string | number {
  const { amountMinor, currency } = money;
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor)) {
    return majorAmount({ amountMinor, currency });
  }
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = String(negative ? -amountMinor : amountMinor).padStart(exponent + 1, '0');
  const point = digits.length - exponent;
  const fraction = exponent > 0 ? `.${digits.slice(point)}` : '';
  return `${negative ? '-' : ''}${digits.slice(0, point)}${fraction}`;
}

/** Every code this module lists with an exponent other than 2 (for the test against the ISO list). */
export function codesWithExponentNot2(): string[] {
  return [...EXPONENT_NOT_2.keys()];
}
