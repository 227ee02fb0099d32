/**
 * "Dates as filters" (DESIGN.md): the log's `from`/`to` are calendar days in the viewer's time
 * zone, and the adapter gets the instants that cover exactly those days there. Checked against the
 * Temporal polyfill across zones with half-hour and 45-minute offsets, both hemispheres, and the
 * days of every daylight-saving change of the years tried.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { matchesActivityFilter, queryActivities } from '../../src/adapters/activity-query.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import { dayRangeFilter } from '../../src/elements/activity-log/date-range.js';
import { startOfDay } from '../../src/format/calendar-day.js';
import { rangeAskedFor } from '../helpers/activities.js';
import { dataset, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** 34 zones: half-hour and 45-minute offsets, DST in both hemispheres, changes at midnight, ±14 h, a skipped day. */
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Lisbon',
  'Atlantic/Azores',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'America/Asuncion',
  'America/Sao_Paulo',
  'America/Caracas',
  'America/Godthab',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Africa/Johannesburg',
  'Asia/Beirut',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Asia/Tokyo',
  'Asia/Gaza',
  'Australia/Adelaide',
  'Australia/Darwin',
  'Australia/Eucla',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

/** The oracle: the first instant of a calendar day in a zone, as Temporal defines it. */
const temporalStart = (date: string, zone: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds;
const nextDay = (date: string) => Temporal.PlainDate.from(date).add({ days: 1 }).toString();

/** Days from 1950 to 2100 (a day in 2011 that Samoa skipped included). */
const dateArbitrary = fc
  .integer({ min: Date.UTC(1950, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

/** The calendar days (in the zone) on which its offset changes, in a year: both DST changes where there is DST. */
function transitionDays(zone: string, year: number): string[] {
  const days: string[] = [];
  let at: Temporal.ZonedDateTime | null = Temporal.PlainDate.from({ year, month: 1, day: 1 }).toZonedDateTime(
    zone,
  );
  const end = Temporal.PlainDate.from({ year: year + 1, month: 1, day: 1 }).toZonedDateTime(zone);
  for (;;) {
    at = at.getTimeZoneTransition('next');
    if (!at || Temporal.ZonedDateTime.compare(at, end) >= 0) break;
    days.push(at.toPlainDate().toString(), at.toPlainDate().subtract({ days: 1 }).toString());
  }
  return days;
}

describe('activity log dates as filters', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  it('every zone tried is one this browser knows', () => {
    for (const zone of ZONES) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone).not.to.throw();
    }
  });

  it('finds the start of any day in any of the zones as Temporal does', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.constantFrom(...ZONES), (date, zone) => {
        expect(startOfDay(date, zone), `${date} in ${zone}`).to.equal(temporalStart(date, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('covers the days of both daylight-saving changes (north and south, at midnight too) exactly', () => {
    const zonesWithChanges = ZONES.filter((zone) => transitionDays(zone, 2024).length >= 4);
    // Both hemispheres: New York and Berlin in the north, Sydney, Santiago, Auckland, Lord Howe in the south...
    expect(zonesWithChanges.length).to.be.at.least(15);
    for (const zone of ZONES) {
      for (const year of [1995, 2011, 2024, 2031]) {
        for (const date of transitionDays(zone, year)) {
          const range = dayRangeFilter(date, date, zone);
          expect(Date.parse(range.from!), `from ${date} ${zone}`).to.equal(temporalStart(date, zone));
          // The REST `to` includes its instant: the last millisecond before the next day starts.
          expect(Date.parse(range.to!) + 1, `to ${date} ${zone}`).to.equal(
            temporalStart(nextDay(date), zone),
          );
        }
      }
    }
  });

  it('asks for instants covering exactly the chosen days (23 or 25 hours long too)', () => {
    fc.assert(
      fc.property(
        dateArbitrary,
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(...ZONES),
        (from, span, zone) => {
          const to = Temporal.PlainDate.from(from).add({ days: span }).toString();
          const range = dayRangeFilter(from, to, zone);
          expect(range.from).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
          expect(Date.parse(range.from!)).to.equal(temporalStart(from, zone));
          expect(Date.parse(range.to!) + 1).to.equal(temporalStart(nextDay(to), zone));
        },
      ),
      { numRuns: 1000 },
    );
    expect(dayRangeFilter(undefined, undefined, 'UTC')).to.deep.equal({});
    expect(dayRangeFilter('2026-03-29', undefined, 'Europe/Berlin')).to.deep.equal({
      from: '2026-03-28T23:00:00.000Z',
    });
  });

  it('keeps a bare date meaning a UTC day for other callers, and reads instants exactly', () => {
    const at = (occurredAt: string): Activity => ({
      id: occurredAt,
      resourceType: 'T',
      action: 'A',
      occurredAt,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        dateArbitrary,
        fc.constantFrom(...ZONES),
        (ms, date, zone) => {
          const activity = at(new Date(ms).toISOString());
          const utcStart = Date.parse(`${date}T00:00:00Z`);
          const utcEnd = utcStart + 86_400_000;
          expect(matchesActivityFilter(activity, { from: date })).to.equal(ms >= utcStart);
          expect(matchesActivityFilter(activity, { to: date })).to.equal(ms < utcEnd);
          const range = dayRangeFilter(date, date, zone);
          const start = temporalStart(date, zone);
          const end = temporalStart(nextDay(date), zone);
          expect(matchesActivityFilter(activity, range)).to.equal(ms >= start && ms < end);
          // An instant with an offset means the same moment.
          const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
          const withOffset = zoned.toString({ timeZoneName: 'never' });
          expect(matchesActivityFilter(at(withOffset), range)).to.equal(ms >= start && ms < end);
        },
      ),
      { numRuns: 2000 },
    );
  });

  describe('in the element', () => {
    const entriesAround = (date: string, zone: string): Activity[] => {
      const start = temporalStart(date, zone);
      const end = temporalStart(nextDay(date), zone);
      const times = [start - 1, start, start + 1, end - 1, end, end + 1, (start + end) / 2];
      return times
        .sort((a, b) => b - a)
        .map((ms, i) => ({
          id: `e${i}`,
          resourceType: 'Invoices',
          action: 'Create',
          occurredAt: new Date(ms).toISOString(),
        }));
    };

    it('asks the adapter for the days in the time zone in effect, and shows exactly those entries', async () => {
      const cases = fc.sample(fc.tuple(dateArbitrary, fc.constantFrom(...ZONES)), { numRuns: 8, seed: 11 });
      cases.push(['2024-03-31', 'Europe/Berlin'], ['2024-04-07', 'America/Santiago']);
      for (const [date, zone] of cases) {
        const data = dataset('o1');
        data.o1.activities = entriesAround(date, zone);
        const { asked, log } = await rangeAskedFor(createMemoryAdapter(data), date, zone);
        expect(Date.parse(asked.from!), `${date} ${zone}`).to.equal(temporalStart(date, zone));
        expect(Date.parse(asked.to!) + 1, `${date} ${zone}`).to.equal(temporalStart(nextDay(date), zone));
        const wanted = data.o1.activities
          .filter((a) => {
            const ms = Date.parse(a.occurredAt);
            return ms >= temporalStart(date, zone) && ms < temporalStart(nextDay(date), zone);
          })
          .map((a) => a.id);
        await until(() => rowIds(log).length === wanted.length, `${wanted.length} rows`);
        expect(rowIds(log)).to.deep.equal(wanted);
        // The host still sees (and keeps in its URL) the calendar days it chose.
        expect(log.filter).to.deep.equal({ from: date, to: date });
        // The list renders only what is in the window: the next case's log must not sit below this one.
        fixtureCleanup();
      }
    });

    it('follows the browser’s zone without a time-zone, and filters controlled data the same way', async () => {
      const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
      const date = '2026-11-19';
      const data = entriesAround(date, zone);
      const log = await fixture<ActivityLog>(
        html`<activity-log .data=${data} from=${date} to=${date} locale="en-US"></activity-log>`,
      );
      await until(() => log.state === 'ready', 'ready');
      const expected = queryActivities(data, { ...dayRangeFilter(date, date, zone), limit: 200 }).items;
      await until(() => rowIds(log).length === expected.length, 'rows');
      expect(rowIds(log)).to.deep.equal(expected.map((a) => a.id));
      expect(expected.length).to.equal(4);
    });
  });
});

const rowIds = (log: ActivityLog) =>
  [...log.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]')].map((row) => row.dataset.id);
