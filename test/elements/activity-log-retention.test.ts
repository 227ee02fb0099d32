/**
 * Retention (DESIGN.md, "Foresight and acting in place"): with `retentionDays` in its pages the log
 * says how long entries are kept, and its date inputs start at the first day still kept, a calendar
 * day in the viewer's time zone. That day is proven against the Temporal polyfill across zones and
 * around their daylight-saving changes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { Temporal } from 'temporal-polyfill';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ActivityFilter } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import type { ActivityLogFilterChangeEvent } from '../../src/elements/activity-log/activity-log.events.js';
import { retentionAt } from '../../src/elements/activity-log/retention.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { adapterWith, BASE, clean, dayInput, minuteApart, pickDay } from '../helpers/activities.js';
import { until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const DAY_MS = 86_400_000;

/** Zones with DST in both hemispheres, changes at midnight, half-hour and 45-minute offsets, ±14 h. */
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Asia/Beirut',
  'Asia/Tehran',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
];

/** The oracle: the calendar day, in `zone`, of the instant `days` × 24 h before `now`. */
const temporalFirstDay = (now: number, days: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(now)
    .subtract({ hours: 24 * days })
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();

/** Every offset change of `zone` from 1990 to 2040, as epoch milliseconds. */
function transitions(zone: string): number[] {
  const found: number[] = [];
  let at: Temporal.ZonedDateTime | null =
    Temporal.Instant.from('1990-01-01T00:00:00Z').toZonedDateTimeISO(zone);
  const end = Temporal.Instant.from('2040-01-01T00:00:00Z').epochMilliseconds;
  while ((at = at.getTimeZoneTransition('next')) && at.epochMilliseconds < end)
    found.push(at.epochMilliseconds);
  return found;
}

/** Org `o1` with 60 entries up to `BASE`, whose pages say `retention.days` (read at each request). */
function adapterKeeping(retention: { days?: number }): MemoryAdapter {
  const adapter = adapterWith(minuteApart(60));
  const list = adapter.listActivities;
  adapter.listActivities = async (orgId: string, filter?: ActivityFilter) => ({
    ...(await list(orgId, filter)),
    retentionDays: retention.days,
  });
  return adapter;
}

async function logIn(adapter: MemoryAdapter, { timeZone = 'UTC', locale = 'en-US', attrs = '' } = {}) {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale=${locale} time-zone=${timeZone}>
      <activity-log style="--od-activity-log-height: 300px"></activity-log>
    </org-dashboard-provider>
  `);
  const log = provider.querySelector<ActivityLog>('activity-log')!;
  for (const [name, value] of new URLSearchParams(attrs)) log.setAttribute(name, value);
  await until(() => log.state === 'ready', 'the log to be ready');
  await log.updateComplete;
  return log;
}

const note = (log: ActivityLog) => clean(log.shadowRoot!.querySelector('[part~="retention"]')?.textContent);

describe('<activity-log> retention', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => sinon.restore());

  describe('the first day still kept', () => {
    it('is the day, in the viewer’s zone, of the instant retentionDays × 24 h ago, as Temporal says', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2039, 0, 1) }),
          fc.integer({ min: 1, max: 3650 }),
          fc.constantFrom(...ZONES),
          (now, days, zone) => {
            expect(retentionAt(days, now, zone)?.firstDay, `${days} days before ${now} in ${zone}`).to.equal(
              temporalFirstDay(now, days, zone),
            );
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('is right within two hours either side of every offset change from 1990 to 2040', () => {
      const cases = ZONES.flatMap((zone) => transitions(zone).map((at) => ({ zone, at })));
      // Both hemispheres' DST, Lord Howe's half hour, Samoa's skipped day: hundreds of changes.
      expect(cases.length).to.be.greaterThan(500);
      fc.assert(
        fc.property(
          fc.constantFrom(...cases),
          fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }),
          fc.integer({ min: 1, max: 400 }),
          ({ zone, at }, delta, days) => {
            // The cutoff falls `delta` from a change: the offset on either side decides its day.
            const now = at + delta + days * DAY_MS;
            expect(retentionAt(days, now, zone)?.firstDay, `${zone} ${at} ${delta} ${days}`).to.equal(
              temporalFirstDay(now, days, zone),
            );
          },
        ),
        { numRuns: 3000 },
      );
    });

    it('is the browser’s zone without one, and none for no, zero, negative or absurd retention', () => {
      const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
      expect(retentionAt(30, BASE)?.firstDay).to.equal(temporalFirstDay(BASE, 30, zone));
      for (const days of [undefined, 0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(retentionAt(days, BASE, 'UTC'), String(days)).to.equal(undefined);
      }
      // Longer than any date an input holds: the note can still say it, the inputs get no bound.
      expect(retentionAt(1e9, BASE, 'UTC')).to.deep.equal({ days: 1e9, firstDay: undefined });
    });
  });

  describe('in the element', () => {
    beforeEach(() => sinon.useFakeTimers({ now: BASE, toFake: ['Date'] }));

    it('says how long entries are kept and starts both date inputs at the first day kept', async () => {
      const log = await logIn(adapterKeeping({ days: 90 }));
      expect(note(log)).to.equal('Entries are kept for 90 days.');
      // 2026-11-20 10:00 UTC less 90 days.
      expect(dayInput(log, 'from-filter').min).to.equal('2026-08-22');
      expect(dayInput(log, 'to-filter').min).to.equal('2026-08-22');
      const noteId = log.shadowRoot!.querySelector('[part~="retention"]')!.id;
      expect(dayInput(log, 'from-filter').getAttribute('aria-describedby')).to.equal(noteId);
      expect(dayInput(log, 'to-filter').getAttribute('aria-describedby')).to.equal(noteId);
      await expect(log).to.be.accessible();
    });

    it('reads the day in the viewer’s zone, across a daylight-saving change', async () => {
      // 2026-03-08 04:30 UTC is 23:30 on the 7th in New York; 24 h earlier it was 23:30 on the 6th (EST).
      sinon.restore();
      const now = Date.parse('2026-03-08T04:30:00Z');
      sinon.useFakeTimers({ now, toFake: ['Date'] });
      const log = await logIn(adapterKeeping({ days: 1 }), { timeZone: 'America/New_York' });
      expect(note(log)).to.equal('Entries are kept for 1 day.');
      expect(dayInput(log, 'from-filter').min).to.equal('2026-03-06');
      expect(dayInput(log, 'from-filter').min).to.equal(temporalFirstDay(now, 1, 'America/New_York'));
    });

    it('follows the latest page received: a new query’s page changes it, one without it removes it', async () => {
      const retention: { days?: number } = { days: 90 };
      const adapter = adapterKeeping(retention);
      const log = await logIn(adapter);
      retention.days = 30;
      adapter.hold();
      log.action = 'Create';
      await until(() => log.state === 'loading', 'the new query');
      // While the new query loads, the bound stays put.
      expect(note(log)).to.equal('Entries are kept for 90 days.');
      adapter.release();
      await until(() => note(log) === 'Entries are kept for 30 days.', 'the new retention');
      expect(dayInput(log, 'from-filter').min).to.equal('2026-10-21');

      retention.days = undefined;
      log.action = 'Update';
      await until(() => log.state !== 'loading' && note(log) === '', 'the note to go');
      expect(log.shadowRoot!.querySelector('[part~="retention"]')).to.equal(null);
      expect(dayInput(log, 'from-filter').hasAttribute('min')).to.equal(false);
      expect(dayInput(log, 'from-filter').hasAttribute('aria-describedby')).to.equal(false);
    });

    it('refuses a day before the first kept that the viewer picks, and takes a later one', async () => {
      const adapter = adapterKeeping({ days: 90 });
      const log = await logIn(adapter);
      const requests = sinon.spy(adapter, 'listActivities');
      const changes: ActivityLogFilterChangeEvent[] = [];
      log.addEventListener('od-activity-log-filter-change', (e) => changes.push(e));
      const invalid = sinon.spy();
      dayInput(log, 'from-filter').addEventListener('invalid', invalid);

      pickDay(log, 'from-filter', '2026-08-01');
      await log.updateComplete;
      expect(log.from).to.equal(undefined);
      expect(changes).to.have.length(0);
      // The input keeps what was typed and says, natively, that it is out of range.
      expect(dayInput(log, 'from-filter').value).to.equal('2026-08-01');
      expect(dayInput(log, 'from-filter').validity.rangeUnderflow).to.equal(true);
      expect(invalid.callCount).to.equal(1);
      expect(note(log)).to.equal(
        'Entries are kept for 90 days. Entries before Aug 22, 2026 are no longer kept.',
      );
      await expect(log).to.be.accessible();

      pickDay(log, 'from-filter', '2026-08-22');
      await until(() => requests.getCalls().some((call) => call.args[1]?.from), 'the filtered request');
      expect(log.from).to.equal('2026-08-22');
      expect(changes.map((e) => e.detail.filter)).to.deep.equal([{ from: '2026-08-22' }]);
      expect(dayInput(log, 'from-filter').validity.valid).to.equal(true);
      expect(note(log)).to.equal('Entries are kept for 90 days.');
    });

    it('refuses a last day before the first kept too', async () => {
      const log = await logIn(adapterKeeping({ days: 90 }));
      pickDay(log, 'to-filter', '2026-05-01');
      await log.updateComplete;
      expect(log.to).to.equal(undefined);
      expect(dayInput(log, 'to-filter').value).to.equal('2026-05-01');
      expect(note(log)).to.equal(
        'Entries are kept for 90 days. Entries before Aug 22, 2026 are no longer kept.',
      );
    });

    it('shows and sends an earlier day the host set, and says older entries are gone', async () => {
      const adapter = adapterKeeping({ days: 90 });
      const requests = sinon.spy(adapter, 'listActivities');
      const log = await logIn(adapter, { attrs: 'from=2026-01-01' });
      // The log's query, beside the store's own request for the latest entries.
      const sent = () =>
        requests.getCalls().some((call) => call.args[1]?.from === '2026-01-01T00:00:00.000Z');
      await until(sent, 'the host’s from');
      await until(() => log.state === 'ready', 'the results');
      await log.updateComplete;
      expect(log.from).to.equal('2026-01-01');
      expect(dayInput(log, 'from-filter').value).to.equal('2026-01-01');
      expect(note(log)).to.equal(
        'Entries are kept for 90 days. Entries before Aug 22, 2026 are no longer kept.',
      );
      await expect(log).to.be.accessible();

      // A refused pick is forgotten once the host sets the filter again.
      pickDay(log, 'from-filter', '2026-02-01');
      log.from = '2026-09-01';
      await log.updateComplete;
      expect(dayInput(log, 'from-filter').value).to.equal('2026-09-01');
      expect(note(log)).to.equal('Entries are kept for 90 days.');
    });

    it('is translated, plural included, and right to left', async () => {
      const german = await logIn(adapterKeeping({ days: 1 }), { locale: 'de-DE' });
      expect(note(german)).to.equal('Einträge werden 1 Tag lang aufbewahrt.');
      const arabic = await logIn(adapterKeeping({ days: 2 }), { locale: 'ar' });
      expect(note(arabic)).to.equal('تُحفظ الإدخالات لمدة يومين.');
      await expect(arabic).to.be.accessible();
    });

    it('has no note in controlled mode', async () => {
      const log = await fixture<ActivityLog>(
        html`<activity-log .data=${minuteApart(3)} locale="en-US"></activity-log>`,
      );
      expect(log.shadowRoot!.querySelector('[part~="retention"]')).to.equal(null);
      expect(dayInput(log, 'from-filter').hasAttribute('min')).to.equal(false);
    });
  });
});
