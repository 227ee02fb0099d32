/**
 * Live entries in time order (DESIGN.md, "Live events"): an entry older than
 * what is shown is inserted at its place, once, without moving what the
 * reader is looking at.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { dataset, settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const BASE = Date.parse('2026-11-20T10:00:00Z');

/** `count` activities a minute apart, the newest (`a<count>`) at `BASE`. */
function activities(count: number): Activity[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${count - i}`,
    resourceType: 'Workspaces',
    action: 'Create',
    occurredAt: new Date(BASE - i * 60_000).toISOString(),
  }));
}

const entryAt = (id: string, minutesAfterBase: number): Activity => ({
  id,
  resourceType: 'Invoices',
  action: 'Update',
  occurredAt: new Date(BASE + minutesAfterBase * 60_000).toISOString(),
});

const rows = (log: ActivityLog) => [...log.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]')];
const rowIds = (log: ActivityLog) => rows(log).map((row) => row.dataset.id);
const scroller = (log: ActivityLog) => log.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
const newEntries = (log: ActivityLog) => log.shadowRoot!.querySelector<HTMLElement>('[part~="new-entries"]');
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

async function logFor(list: Activity[]): Promise<{ log: ActivityLog; adapter: MemoryAdapter }> {
  const data = dataset('o1');
  data.o1.activities = list;
  const adapter = createMemoryAdapter(data);
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
      <activity-log style="--od-activity-log-height: 300px"></activity-log>
    </org-dashboard-provider>
  `);
  const log = provider.querySelector('activity-log')!;
  await until(() => log.state === 'ready' && rows(log).length > 0, 'ready');
  // The shared store's own first load (its latest entries) is history, not news.
  await settle();
  return { log, adapter };
}

async function scrollTo(log: ActivityLog, top: number): Promise<void> {
  scroller(log).scrollTop = top;
  scroller(log).dispatchEvent(new Event('scroll'));
  await frame();
  await frame();
  await elementUpdated(log);
}

/** The row the reader sees first, and where it is on screen. */
function firstVisible(log: ActivityLog): { id: string | undefined; top: number } {
  const listTop = scroller(log).getBoundingClientRect().top;
  const row = rows(log)
    .filter((r) => r.getBoundingClientRect().bottom > listTop + 1)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
  return { id: row.dataset.id, top: row.getBoundingClientRect().top };
}

describe('<activity-log> live entries out of time order', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  it('inserts a late entry at its place while the reader is at the top, once', async () => {
    const { log, adapter } = await logFor(activities(30));
    adapter.emit('o1', { topic: 'activity', data: entryAt('late', -1.5) });
    await until(() => rowIds(log).includes('late'), 'the late entry');
    expect(rowIds(log).slice(0, 4)).to.deep.equal(['a30', 'a29', 'late', 'a28']);
    adapter.emit('o1', { topic: 'activity', data: entryAt('late', -1.5) });
    adapter.emit('o1', { topic: 'activity', data: entryAt('newest', 1) });
    await until(() => rowIds(log)[0] === 'newest', 'the newest entry');
    await settle();
    expect(rowIds(log).filter((id) => id === 'late')).to.have.length(1);
    expect(rows(log)[0].getAttribute('aria-setsize')).to.equal('32');
    expect(newEntries(log)).to.equal(null);
  });

  it('scrolled down: a late entry above the view waits behind the button, then shows at its place', async () => {
    const { log, adapter } = await logFor(activities(40));
    await scrollTo(log, 600);
    const before = firstVisible(log);
    expect(before.id).not.to.equal('a40');
    adapter.emit('o1', { topic: 'activity', data: entryAt('late', -0.5) });
    await until(() => newEntries(log) !== null, 'new entries button');
    await frame();
    expect(firstVisible(log)).to.deep.equal(before);
    expect(rowIds(log)).not.to.include('late');
    newEntries(log)!.click();
    await until(() => rowIds(log).includes('late'), 'late entry shown');
    expect(rowIds(log).slice(0, 3)).to.deep.equal(['a40', 'late', 'a39']);
    expect(scroller(log).scrollTop).to.equal(0);
  });

  it('scrolled down: a late entry below the view is inserted at once, and nothing in view moves', async () => {
    const { log, adapter } = await logFor(activities(40));
    await scrollTo(log, 200);
    const before = firstVisible(log);
    // Older than a5: far below the rows in view.
    adapter.emit('o1', { topic: 'activity', data: entryAt('late', -35.5) });
    await until(() => rows(log)[0]?.getAttribute('aria-setsize') === '41', 'the entry counted');
    await frame();
    expect(firstVisible(log)).to.deep.equal(before);
    expect(newEntries(log)).to.equal(null);
    await scrollTo(log, scroller(log).scrollHeight);
    await until(() => rowIds(log).includes('late'), 'the late entry at the end');
    const ids = rowIds(log);
    expect(ids.slice(ids.indexOf('late') - 1, ids.indexOf('late') + 2)).to.deep.equal(['a5', 'late', 'a4']);
  });

  it('an entry older than every loaded page is left to the pages, and shown once', async () => {
    const { log, adapter } = await logFor(activities(120));
    adapter.emit('o1', { topic: 'activity', data: entryAt('ancient', -110.5) });
    // The server keeps its list in time order (the memory adapter puts an event first).
    adapter.update('o1', (org) =>
      org.activities.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt)),
    );
    await settle();
    expect(rowIds(log)).not.to.include('ancient');
    const start = performance.now();
    while (!rowIds(log).includes('a9')) {
      if (performance.now() - start > 50_000) throw new Error('Timed out scrolling to the end');
      await scrollTo(log, scroller(log).scrollHeight);
    }
    const ids = rowIds(log);
    expect(ids.filter((id) => id === 'ancient')).to.have.length(1);
    expect(ids.slice(ids.indexOf('ancient') - 1, ids.indexOf('ancient') + 2)).to.deep.equal([
      'a10',
      'ancient',
      'a9',
    ]);
  });
});
