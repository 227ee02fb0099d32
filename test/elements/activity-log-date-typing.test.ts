/**
 * The date range as a keyboard user sets it. Chromium fires `change` on a date input at every key
 * that changes its value: typing the year 2026 gives 0002, 0020, 0202, then 2026. Those half-typed
 * days must not each become a filter (a request, an `od-activity-log-filter-change` the host puts in
 * its URL, a validity bubble for a "day before the first kept"); the day typed counts once typing
 * pauses (as the search does), or at once when the viewer leaves the field or presses Enter. And a
 * range never runs backwards: a day the other end's bound refuses changes no filter.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ActivityFilter } from '../../src/contract/types.js';
import {
  ACTIVITY_LOG_SEARCH_DEBOUNCE_MS,
  type ActivityLog,
} from '../../src/elements/activity-log/activity-log.js';
import type { ActivityLogFilterChangeEvent } from '../../src/elements/activity-log/activity-log.events.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { adapterWith, dayInput, minuteApart, pickDay } from '../helpers/activities.js';
import { realTask, untilReal } from '../helpers/clock.js';
import { until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** Org `o1` whose pages say they keep entries for `days` (as of the memory adapter's clock). */
function adapterKeeping(days?: number): MemoryAdapter {
  const adapter = adapterWith(minuteApart(60));
  const list = adapter.listActivities;
  adapter.listActivities = async (orgId: string, filter?: ActivityFilter) => ({
    ...(await list(orgId, filter)),
    ...(days ? { retentionDays: days } : {}),
  });
  return adapter;
}

async function logIn(adapter: MemoryAdapter, attrs = ''): Promise<ActivityLog> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
      <activity-log style="--od-activity-log-height: 300px"></activity-log>
    </org-dashboard-provider>
  `);
  const log = provider.querySelector<ActivityLog>('activity-log')!;
  for (const [name, value] of new URLSearchParams(attrs)) log.setAttribute(name, value);
  await until(() => log.state === 'ready', 'the log to be ready');
  await log.updateComplete;
  return log;
}

/** What the viewer's changes told the host, and what the log asked the adapter for, from now on. */
function watch(log: ActivityLog, adapter: MemoryAdapter) {
  const changes: ActivityLogFilterChangeEvent['detail']['filter'][] = [];
  log.addEventListener('od-activity-log-filter-change', (e) => changes.push(e.detail.filter));
  const requests = sinon.spy(adapter, 'listActivities');
  const invalid = sinon.spy();
  dayInput(log, 'from-filter').addEventListener('invalid', invalid);
  dayInput(log, 'to-filter').addEventListener('invalid', invalid);
  const asked = () => requests.getCalls().map((call) => (call.args[1] as ActivityFilter).from ?? null);
  return { changes, requests, invalid, asked };
}

describe('<activity-log> dates typed on the keyboard', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => sinon.restore());

  it('a day typed digit by digit is one filter, once typing pauses: no half-typed year is sent', async () => {
    // Retention: a half-typed year (0002) is long before the first day kept, and was refused aloud.
    const adapter = adapterKeeping(90);
    const log = await logIn(adapter);
    const { changes, requests, invalid, asked } = watch(log, adapter);
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout'] });
    try {
      dayInput(log, 'from-filter').focus();
      await sendKeys({ type: '11202026' });
      await log.updateComplete;
      expect(changes, 'nothing while typing').to.deep.equal([]);
      expect(requests.callCount).to.equal(0);
      expect(log.from).to.equal(undefined);
      expect(dayInput(log, 'from-filter').value).to.equal('2026-11-20');
      clock.tick(ACTIVITY_LOG_SEARCH_DEBOUNCE_MS);
      await log.updateComplete;
      expect(log.from).to.equal('2026-11-20');
      expect(changes).to.deep.equal([{ from: '2026-11-20' }]);
      await untilReal(() => requests.callCount > 0, 'the request');
      for (let i = 0; i < 5; i += 1) await realTask();
      expect(asked()).to.deep.equal(['2026-11-20T00:00:00.000Z']);
      expect(invalid.callCount, 'no validity bubble while typing').to.equal(0);
    } finally {
      clock.restore();
    }
  });

  it('leaving the field applies the day typed at once', async () => {
    const adapter = adapterKeeping();
    const log = await logIn(adapter);
    const { changes } = watch(log, adapter);
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout'] });
    try {
      dayInput(log, 'to-filter').focus();
      await sendKeys({ type: '11192026' });
      // Tab on until focus leaves the field (the browsers' date inputs hold more than one stop).
      for (let i = 0; i < 5 && log.shadowRoot!.activeElement === dayInput(log, 'to-filter'); i += 1) {
        await sendKeys({ press: 'Tab' });
      }
      expect(log.shadowRoot!.activeElement?.getAttribute('part')).to.equal('search');
      await log.updateComplete;
      expect(log.to).to.equal('2026-11-19');
      expect(changes).to.deep.equal([{ to: '2026-11-19' }]);
    } finally {
      clock.restore();
    }
  });

  it('a picked day applies at once', async () => {
    const adapter = adapterKeeping();
    const log = await logIn(adapter);
    const { changes } = watch(log, adapter);
    pickDay(log, 'from-filter', '2026-11-19');
    await log.updateComplete;
    expect(log.from).to.equal('2026-11-19');
    expect(changes).to.deep.equal([{ from: '2026-11-19' }]);
  });

  it('never runs the range backwards: a last day before the first (or a first after the last) is refused', async () => {
    const adapter = adapterKeeping();
    const log = await logIn(adapter, 'from=2026-11-15&to=2026-11-20');
    const { changes, invalid } = watch(log, adapter);

    pickDay(log, 'to-filter', '2026-11-10');
    await log.updateComplete;
    expect(log.filter).to.deep.equal({ from: '2026-11-15', to: '2026-11-20' });
    // The field keeps what was picked and says natively why it does not count.
    expect(dayInput(log, 'to-filter').value).to.equal('2026-11-10');
    expect(dayInput(log, 'to-filter').validity.rangeUnderflow).to.equal(true);

    pickDay(log, 'from-filter', '2026-11-21');
    await log.updateComplete;
    expect(log.filter).to.deep.equal({ from: '2026-11-15', to: '2026-11-20' });
    expect(dayInput(log, 'from-filter').validity.rangeOverflow).to.equal(true);
    expect(invalid.callCount).to.equal(2);
    expect(changes).to.deep.equal([]);

    // A day within the range counts.
    pickDay(log, 'from-filter', '2026-11-19');
    await log.updateComplete;
    expect(log.filter).to.deep.equal({ from: '2026-11-19', to: '2026-11-20' });
    expect(changes).to.deep.equal([{ from: '2026-11-19', to: '2026-11-20' }]);
  });
});
