/**
 * The activity log's `to` is the last calendar day included, in the viewer's time zone (DESIGN.md,
 * "Dates as filters"); the REST API's `to` includes its instant (openapi.yaml, `listActivities`)
 * and an instant may carry up to nine fraction digits (DESIGN.md, "Instants"). So the bound the
 * element sends is the last nanosecond before the next day starts there, not its last millisecond:
 * a server that keeps microseconds would otherwise leave out an entry made in the day's final
 * millisecond (23:59:59.9995). Oracle: Temporal (`temporal-polyfill`), at nanosecond precision,
 * across daylight-saving changes in both hemispheres (23- and 25-hour days, midnight skipped).
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { matchesActivityFilter } from '../../src/adapters/activity-query.js';
import { dayRangeFilter } from '../../src/elements/activity-log/date-range.js';
import { rangeAskedFor } from '../helpers/activities.js';
import { dataset } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** Zones whose offset changes: north and south, at midnight (Havana, Santiago, Asuncion), by 30 min (Lord Howe). */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Havana',
  'America/Santiago',
  'America/Asuncion',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Asia/Beirut',
  'UTC',
];

const start = (date: string, zone: string) => Temporal.PlainDate.from(date).toZonedDateTime(zone);
const nextDay = (date: string) => Temporal.PlainDate.from(date).add({ days: 1 }).toString();
/** The oracle's inclusive end of `date` in `zone`: one nanosecond before the next day starts. */
const lastNanosecond = (date: string, zone: string) => start(nextDay(date), zone).epochNanoseconds - 1n;

/** The days on which the zone's offset changes in `year`, and the day before each. */
function changeDays(zone: string, year: number): string[] {
  const days: string[] = [];
  let at: Temporal.ZonedDateTime | null = start(`${year}-01-01`, zone);
  const end = start(`${year + 1}-01-01`, zone);
  for (;;) {
    at = at.getTimeZoneTransition('next');
    if (!at || Temporal.ZonedDateTime.compare(at, end) >= 0) break;
    days.push(at.toPlainDate().toString(), at.toPlainDate().subtract({ days: 1 }).toString());
  }
  return days;
}

const changeDay = fc
  .tuple(fc.constantFrom(...ZONES), fc.integer({ min: 1990, max: 2040 }))
  .chain(([zone, year]) => {
    const days = changeDays(zone, year);
    return fc.tuple(fc.constant(zone), days.length ? fc.constantFrom(...days) : fc.constant(`${year}-06-15`));
  });

describe('activity log: the `to` bound', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  it('is the last nanosecond of the last day in the zone, across daylight-saving changes', () => {
    fc.assert(
      fc.property(changeDay, fc.integer({ min: 0, max: 3 }), ([zone, to], back) => {
        const from = Temporal.PlainDate.from(to).subtract({ days: back }).toString();
        const range = dayRangeFilter(from, to, zone);
        const bound = Temporal.Instant.from(range.to!);
        expect(bound.epochNanoseconds, `${to} in ${zone}: ${range.to}`).to.equal(lastNanosecond(to, zone));
        expect(Temporal.Instant.from(range.from!).epochNanoseconds).to.equal(
          start(from, zone).epochNanoseconds,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('includes an entry of the day’s last millisecond at any precision, and nothing of the next day', () => {
    fc.assert(
      fc.property(changeDay, fc.bigInt({ min: 1n, max: 1_000_000n }), ([zone, date], before) => {
        const range = dayRangeFilter(date, date, zone);
        const bound = Temporal.Instant.from(range.to!);
        const next = start(nextDay(date), zone).toInstant();
        // A server comparing at nanosecond precision (microseconds kept, say).
        const late = Temporal.Instant.fromEpochNanoseconds(next.epochNanoseconds - before);
        expect(Temporal.Instant.compare(late, bound), `${late} in ${date} ${zone}`).to.be.at.most(0);
        expect(Temporal.Instant.compare(next, bound), `${next} is the next day`).to.equal(1);
        // The memory adapter and the mock API read instants to the millisecond: the same days.
        const at = (occurredAt: string) => ({ id: 'x', resourceType: 'T', action: 'A', occurredAt });
        expect(matchesActivityFilter(at(late.toString()), range), `${late}`).to.equal(true);
        expect(matchesActivityFilter(at(next.toString()), range), `${next}`).to.equal(false);
      }),
      { numRuns: 400 },
    );
  });

  it('the element asks the adapter for that bound in the time zone in effect', async () => {
    for (const [date, zone] of [
      ['2024-03-31', 'Europe/Berlin'],
      ['2024-10-27', 'Europe/Berlin'],
      ['2024-04-06', 'America/Santiago'],
      ['2024-09-08', 'America/Santiago'],
    ]) {
      const { asked, log } = await rangeAskedFor(createMemoryAdapter(dataset('o1')), date, zone);
      expect(Temporal.Instant.from(asked.to!).epochNanoseconds, `${date} ${zone}: ${asked.to}`).to.equal(
        lastNanosecond(date, zone),
      );
      expect(log.filter).to.deep.equal({ from: date, to: date });
      fixtureCleanup();
    }
  });
});
