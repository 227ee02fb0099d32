/**
 * Live entries in time order (DESIGN.md, "Live events"): an entry older than
 * what is shown is inserted at its place, once, without moving what the
 * reader is looking at.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import {
  adapterWith,
  BASE,
  frame,
  logInProvider,
  minuteApart as activities,
  rowIds,
  rows,
  scroller,
  scrollTo,
} from '../helpers/activities.js';
import { settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const entryAt = (id: string, minutesAfterBase: number): Activity => ({
  id,
  resourceType: 'Invoices',
  action: 'Update',
  occurredAt: new Date(BASE + minutesAfterBase * 60_000).toISOString(),
});

const newEntries = (log: ActivityLog) => log.shadowRoot!.querySelector<HTMLElement>('[part~="new-entries"]');
async function logFor(list: Activity[]): Promise<{ log: ActivityLog; adapter: MemoryAdapter }> {
  const adapter = adapterWith(list);
  const log = await logInProvider(adapter);
  await until(() => log.state === 'ready' && rows(log).length > 0, 'ready');
  // The shared store's own first load (its latest entries) is history, not news.
  await settle();
  return { log, adapter };
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
