/**
 * "Lists" (DESIGN.md) in the pages the log fetches itself: one invalid item
 * never hides the valid ones; a short note says how many were left out and
 * each is reported once through `od-error`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import type { DashboardErrorEvent } from '../../src/base/events.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import {
  adapterWith,
  clean,
  logInProvider,
  minuteApart as activities,
  rows,
  scroller,
  scrollTo,
} from '../helpers/activities.js';
import { settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const note = (log: ActivityLog) => log.shadowRoot!.querySelector<HTMLElement>('[part~="invalid-items"]');

describe('<activity-log> pages with invalid items', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  it('shows the valid entries, notes the left-out ones and reports each once', async () => {
    const list: Activity[] = activities(80);
    // One broken item on the first page, another on the second.
    list[1] = { ...list[1], occurredAt: 'yesterday' };
    list[60] = { ...list[60], action: 42 as unknown as string };
    const adapter = adapterWith(list);
    const errors: DashboardErrorEvent[] = [];
    const log = await logInProvider(adapter, (e) => errors.push(e));
    await until(() => log.state === 'ready' && rows(log).length > 0, 'ready');
    expect(
      rows(log)
        .map((row) => row.dataset.id)
        .slice(0, 2),
    ).to.deep.equal(['a80', 'a78']);
    await until(() => note(log) !== null, 'the note');
    expect(clean(note(log)!.textContent)).to.equal('1 item couldn’t be shown.');
    const fromLog = () => errors.filter((e) => e.target === log && e.detail.error.code === 'invalid-data');
    await until(() => fromLog().length === 1, 'one report');
    expect(fromLog()[0].detail.error.path).to.match(/\[1\]/);
    expect(fromLog()[0].detail.resource).to.equal('activity');
    await expect(log).to.be.accessible();

    const start = performance.now();
    while (!rows(log).some((row) => row.dataset.id === 'a10')) {
      if (performance.now() - start > 50_000) throw new Error('Timed out scrolling');
      await scrollTo(log, scroller(log).scrollHeight);
    }
    await until(() => clean(note(log)?.textContent) === '2 items couldn’t be shown.', 'two left out');
    await settle();
    expect(fromLog()).to.have.length(2);
    expect(log.state).to.equal('ready');
  });

  it('controlled data keeps its valid entries with the note, and fires nothing', async () => {
    const errors: Event[] = [];
    document.addEventListener('od-error', (e) => errors.push(e));
    const list = [...activities(3), { id: 'broken' }] as unknown as Activity[];
    const log = await fixture<ActivityLog>(html`<activity-log .data=${list} locale="en-US"></activity-log>`);
    await until(() => log.state === 'ready' && rows(log).length === 3, 'three rows');
    expect(clean(note(log)?.textContent)).to.equal('1 item couldn’t be shown.');
    await settle();
    expect(errors).to.have.length(0);
  });
});
