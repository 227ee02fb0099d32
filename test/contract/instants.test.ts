/**
 * DESIGN.md, "Instants": every instant is an RFC 3339 date-time (a `T`, seconds optional, fraction
 * optional, `Z` or a `±hh:mm` offset), and anything the browser's `Date` cannot read exactly is
 * invalid data. Proven against the Temporal polyfill as the oracle: for generated strings, valid
 * and near misses, a value is accepted exactly when it matches the grammar below and this
 * browser's `Date.parse` reads the same millisecond as `Temporal.Instant.from`.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { DashboardError } from '../../src/contract/errors.js';
import { parseActivity } from '../../src/contract/validation.js';

/**
 * RFC 3339 §5.6 `date-time`, as DESIGN.md profiles it: seconds optional (a fraction only after
 * seconds, as in `partial-time`), and `T` and `Z` upper case (§5.6 lets a specification require
 * that; Firefox's `Date` cannot read the lower-case forms). Ranges are checked separately,
 * seconds up to 60 as the RFC allows: the oracle decides whether `Date` reads a leap second.
 */
const GRAMMAR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function matchesGrammar(value: string): boolean {
  const match = GRAMMAR.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0, offsetHour = 0, offsetMinute = 0] = match
    .slice(1)
    .map((field) => (field === undefined ? undefined : Number(field))) as number[];
  if (month < 1 || month > 12) return false;
  const daysInMonth = Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
  return (
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

function temporalMillis(value: string): number | undefined {
  try {
    return Temporal.Instant.from(value).epochMilliseconds;
  } catch {
    return undefined;
  }
}

const expectedAccepted = (value: string) =>
  matchesGrammar(value) && temporalMillis(value) !== undefined && Date.parse(value) === temporalMillis(value);

function accepted(value: string): boolean {
  try {
    parseActivity({ id: 'a1', resourceType: 'Plans', action: 'Update', occurredAt: value });
    return true;
  } catch (error) {
    if (!(error instanceof DashboardError) || error.code !== 'invalid-data') throw error;
    expect(error.path).to.equal('occurredAt');
    return false;
  }
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** Mostly in range, sometimes just outside it. */
const field = (min: number, max: number, width: number, outside: number[]) =>
  fc
    .oneof(
      { weight: 8, arbitrary: fc.integer({ min, max }) },
      { weight: 1, arbitrary: fc.constantFrom(...outside) },
    )
    .map((value) => pad(value, width));

const date = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1900, max: 2100 }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 9999 }) },
    ),
    field(1, 12, 2, [0, 13]),
    field(1, 31, 2, [0, 32]),
  )
  .map(([year, month, day]) => `${pad(year, 4)}-${month}-${day}`);
const separator = fc.oneof(
  { weight: 8, arbitrary: fc.constant('T') },
  { weight: 1, arbitrary: fc.constantFrom('t', ' ', '', '_') },
);
const fraction = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.stringMatching(/^\.\d{1,9}$/) },
  { weight: 1, arbitrary: fc.constantFrom('.', ',5', '.1234567890', '.123456789012') },
);
const seconds = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(field(0, 59, 2, [60, 61]), fraction).map(([s, f]) => `:${s}${f}`) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fraction },
);
const time = fc
  .tuple(field(0, 23, 2, [24, 25]), field(0, 59, 2, [60]), seconds)
  .map(([hour, minute, rest]) => `${hour}:${minute}${rest}`);
const numericOffset = fc
  .tuple(fc.constantFrom('+', '-'), field(0, 23, 2, [24, 99]), field(0, 59, 2, [60]))
  .chain(([sign, hour, minute]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(`${sign}${hour}:${minute}`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          `${sign}${hour}`,
          `${sign}${hour}${minute}`,
          ` ${sign}${hour}:${minute}`,
          `${sign}${hour}:${minute}:00`,
        ),
      },
    ),
  );
const offset = fc.oneof(
  { weight: 4, arbitrary: fc.constant('Z') },
  { weight: 4, arbitrary: numericOffset },
  { weight: 1, arbitrary: fc.constantFrom('z', '', ' Z', '-00:00', '+00:00', 'UTC') },
);
const instantLike = fc
  .tuple(date, separator, time, offset)
  .map(([day, sep, clock, zone]) => `${day}${sep}${clock}${zone}`);

describe('instants (RFC 3339, read exactly by Date; oracle: Temporal)', function () {
  // Generous: a loaded machine may be slow, and no outcome here depends on speed.
  this.timeout(600_000);

  it('accepts exactly the grammar’s instants that Date reads as Temporal does', () => {
    fc.assert(
      fc.property(instantLike, (value) => {
        expect(accepted(value), value).to.equal(expectedAccepted(value));
      }),
      { numRuns: 6000 },
    );
  });

  it('generates both kinds: most cases valid, many near misses', () => {
    const sample = fc.sample(instantLike, { numRuns: 4000, seed: 42 });
    const valid = sample.filter(expectedAccepted).length;
    expect(valid).to.be.above(1000);
    expect(sample.length - valid).to.be.above(1000);
  });

  it('decides the hard cases as the oracle does', () => {
    const cases = [
      '2026-01-01T00:00:00+01', // defect 5: shown as "–"
      '2026-01-01T00:00:00+0100',
      '2026-01-01T00:00:00 +01:00', // defect 5: a space before the offset
      '2026-01-01 00:00:00Z',
      '2026-01-01T00:00Z', // seconds optional
      '2026-01-01T23:59:60Z', // a leap second: Date cannot read it
      '0000-02-29T00:00:00Z', // year 0 is a leap year
      '1900-02-29T00:00:00Z',
      '2026-01-01T00:00:00.123456789Z',
      '2026-01-01T00:00:00.1234567891Z',
      '1969-12-31T23:59:59.9995Z',
      '2026-01-01T00:00:00+24:00',
      '2026-01-01T00:00:00-00:00',
      '2026-01-01T24:00:00Z',
      '2026-01-01t00:00:00z',
      '2026-02-30T00:00:00Z',
    ];
    for (const value of cases) expect(accepted(value), value).to.equal(expectedAccepted(value));
    expect(accepted('2026-01-01T00:00Z')).to.equal(true);
    expect(accepted('0000-02-29T00:00:00Z')).to.equal(true);
    expect(accepted('2026-01-01T00:00:00+01')).to.equal(false);
    expect(accepted('2026-01-01T00:00:00 +01:00')).to.equal(false);
    expect(accepted('2026-01-01 00:00:00Z')).to.equal(false);
  });
});
