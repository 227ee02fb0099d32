/**
 * Pages that add no entry to `<activity-log>`: an empty page that still has a
 * `nextCursor` (servers that filter after a bounded scan send them), or a page
 * that repeats entries already shown (offset cursors, once entries arrive at
 * the top). The log reads on by itself while the view needs rows, says
 * "empty" only once the last page is read, and stops after a bounded number
 * of such pages in a row, leaving the reader a Load more button: never a
 * request loop. Each backend here answers as the test scripts it, so what is
 * in flight never depends on the machine's speed.
 */
import { elementUpdated, expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import { DashboardError } from '../../src/contract/errors.js';
import type { ActivityFilter, ActivityPage } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import {
  adapterWith,
  BASE,
  clean,
  logInProvider,
  minuteApart,
  rowIds,
  rows,
  scrollUntil,
} from '../helpers/activities.js';
import { settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** One `listActivities` call: what it asked for, and whether its answer has been given. */
interface PageRequest {
  filter: ActivityFilter;
  answered: boolean;
}

/**
 * Records every `listActivities` call of `adapter` and answers it with `answer` (the memory
 * adapter's own pages when not given). The shared store asks for the latest entries too, without
 * a cursor, as the log's first page does: the log's later pages are the requests with a cursor.
 */
function recordPages(
  adapter: MemoryAdapter,
  answer?: (filter: ActivityFilter) => ActivityPage | Promise<ActivityPage>,
) {
  const ownPages = adapter.listActivities.bind(adapter);
  const requests: PageRequest[] = [];
  sinon.stub(adapter, 'listActivities').callsFake(async (orgId, filter = {}) => {
    const request: PageRequest = { filter, answered: false };
    requests.push(request);
    const page = await (answer ? answer(filter) : ownPages(orgId, filter));
    request.answered = true;
    return page;
  });
  /** The cursors the log asked for, in order (of the requests that match `where`). */
  const cursors = (where: (filter: ActivityFilter) => boolean = () => true) =>
    requests.filter(({ filter }) => filter.cursor && where(filter)).map(({ filter }) => filter.cursor);
  const requestFor = (cursor: string) => requests.find(({ filter }) => filter.cursor === cursor);
  /** Whether every request so far has its answer (none failed or is held). */
  const allAnswered = () => requests.every(({ answered }) => answered);
  return { cursors, requestFor, allAnswered };
}

/** A promise the test settles when it chooses: a page the backend has not answered yet. */
function held() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

/** The cursors of endless empty pages `from` to `to`: `k<from>` … `k<to>`. */
const emptyPageCursors = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `k${from + i}`);
/** A page with nothing in it that points at the next one, for ever: `k<n>` leads to `k<n+1>`. */
const endlessEmptyPage = (filter: ActivityFilter): ActivityPage => ({
  items: [],
  nextCursor: `k${filter.cursor ? Number(filter.cursor.slice(1)) + 1 : 1}`,
});

const q = <T extends HTMLElement = HTMLElement>(log: ActivityLog, selector: string) =>
  log.shadowRoot!.querySelector<T>(selector);
const status = (log: ActivityLog) => clean(q(log, '[role="status"]')?.textContent);
const busy = (log: ActivityLog) => q(log, '[part~="card"]')?.getAttribute('aria-busy') === 'true';
/** The log's Load more button, where it offers one. */
const loadMoreButton = (log: ActivityLog) =>
  [...log.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="load-more"]')].find(
    (button) => clean(button.textContent) === 'Load more',
  );

/**
 * Waits until every request has its answer and the log shows nothing loading. It looks only
 * between tasks, after every promise reaction has run: a log that reads on has asked for its next
 * page by then, so it is never caught between one page and the next.
 */
async function settled(log: ActivityLog, allAnswered: () => boolean): Promise<void> {
  const start = performance.now();
  do {
    if (performance.now() - start > 30_000) throw new Error('Timed out waiting for the log to settle');
    await new Promise((resolve) => setTimeout(resolve, 0));
  } while (!allAnswered() || log.state === 'loading' || busy(log));
  await elementUpdated(log);
}

describe('<activity-log> pages that add no entry', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => sinon.restore());

  it('reads on past an empty first page that has a cursor, loading meanwhile, never "No activity"', async () => {
    const server = adapterWith([]);
    const secondPage = held();
    const { cursors } = recordPages(server, async (filter) => {
      if (!filter.cursor) return { items: [], nextCursor: 'k1' };
      await secondPage.promise;
      return { items: minuteApart(30), nextCursor: null };
    });
    const log = await logInProvider(server);
    await until(() => cursors().includes('k1') || log.state === 'empty', 'the next page, or "empty"');
    await elementUpdated(log);
    expect(log.state, 'while the next page loads').to.equal('loading');
    expect(q(log, '[part~="empty"]')).to.equal(null);
    expect(busy(log)).to.equal(true);

    secondPage.release();
    await until(() => log.state === 'ready' && rows(log).length > 0, 'rows of the second page');
    expect(rowIds(log)[0]).to.equal('a30');
    // The last page is read: the set size is known.
    expect(rows(log)[0].getAttribute('aria-setsize')).to.equal('30');
    expect(cursors()).to.deep.equal(['k1']);
  });

  it('announces the matches a filter finds behind an empty first page, not "no matches"', async () => {
    const server = adapterWith([]);
    const plans = minuteApart(5, () => ({ resourceType: 'Plans' }), 'p');
    const { cursors } = recordPages(server, (filter) => {
      if (filter.resourceType !== 'Plans') return { items: minuteApart(20), nextCursor: null };
      // A server that scans a bounded stretch, then filters: the first stretch held no plan.
      return filter.cursor ? { items: plans, nextCursor: null } : { items: [], nextCursor: 'plans-2' };
    });
    const log = await logInProvider(server);
    await until(() => log.state === 'ready' && rows(log).length > 0, 'unfiltered rows');

    log.setAttribute('resource-type', 'Plans');
    await until(() => status(log) !== '', 'the results announced');
    expect(status(log)).to.equal('Matching entries: 5');
    await until(() => rowIds(log)[0] === 'p5', 'the plans');
    expect(log.state).to.equal('ready');
    expect(cursors()).to.deep.equal(['plans-2']);
  });

  it('reads on when a page repeats the one before (50 entries arrived at the top), to the very end', async () => {
    const server = adapterWith(minuteApart(120));
    // A backend that pages by offset, as many do (the memory adapter's cursors name their last entry).
    const { cursors, allAnswered } = recordPages(server, ({ cursor, limit = 20 }) => {
      const all = server.data.o1.activities;
      const at = Number(cursor ?? 0);
      const next = at + limit < all.length ? String(at + limit) : null;
      return { items: all.slice(at, at + limit), nextCursor: next };
    });
    const log = await logInProvider(server);
    await until(() => log.state === 'ready' && rows(log).length > 0, 'the first page');
    // Fifty entries arrive on the server, not through the live stream: the offset cursor `50`
    // now points at the first page again, entry for entry.
    const newer = minuteApart(50, (n) => ({ occurredAt: new Date(BASE + n * 60_000).toISOString() }), 'n');
    server.update('o1', (data) => data.activities.unshift(...newer));

    await scrollUntil(log, () => cursors().includes('50'), 'the second page');
    await settled(log, allAnswered);
    expect(cursors(), 'the page after the repeated one').to.include('100');

    await scrollUntil(log, () => rowIds(log).includes('a1'), 'the last entry');
    const last = rows(log).find((row) => row.dataset.id === 'a1')!;
    // Every entry once: the oldest is the 120th of 120.
    expect(last.getAttribute('aria-posinset')).to.equal('120');
    expect(last.getAttribute('aria-setsize')).to.equal('120');
    expect(rowIds(log)).not.to.include('n1');
  });

  it('reads on past an empty page in the middle', async () => {
    const server = adapterWith([]);
    const entries = minuteApart(100);
    const { cursors, allAnswered } = recordPages(server, (filter) => {
      if (!filter.cursor) return { items: entries.slice(0, 50), nextCursor: 'c1' };
      if (filter.cursor === 'c1') return { items: [], nextCursor: 'c2' };
      return { items: entries.slice(50), nextCursor: null };
    });
    const log = await logInProvider(server);
    await until(() => log.state === 'ready' && rows(log).length > 0, 'the first page');
    await scrollUntil(log, () => cursors().includes('c1'), 'the empty page');
    await settled(log, allAnswered);
    expect(cursors()).to.deep.equal(['c1', 'c2']);
    await scrollUntil(log, () => rowIds(log).includes('a1'), 'the last entry');
    expect(rows(log).at(-1)!.getAttribute('aria-setsize')).to.equal('100');
  });

  it('stops after 10 empty pages in a row with nothing shown, and reads on when the reader asks', async () => {
    const server = adapterWith([]);
    let endless = true;
    const { cursors, allAnswered } = recordPages(server, (filter) =>
      endless ? endlessEmptyPage(filter) : { items: minuteApart(3), nextCursor: null },
    );
    const log = await logInProvider(server);
    await until(() => cursors().length > 0 || log.state !== 'loading', 'the first page read');
    await settled(log, allAnswered);
    // The first page and nine more, each empty: then the log waits for the reader.
    expect(cursors()).to.deep.equal(emptyPageCursors(1, 9));
    expect(log.state).to.equal('ready');
    expect(q(log, '[part~="empty"]'), 'not "No activity": more pages may hold some').to.equal(null);
    expect(clean(q(log, '.list-placeholder')?.textContent)).to.contain(
      'No new entries found in the last pages. More may follow.',
    );
    await settle();
    expect(cursors(), 'nothing more on its own').to.have.length(9);
    await expect(log).to.be.accessible();

    loadMoreButton(log)!.click();
    await until(() => cursors().length > 9, 'read on');
    await settled(log, allAnswered);
    expect(cursors()).to.deep.equal(emptyPageCursors(1, 19));
    await settle();
    expect(cursors(), 'again at most 10 pages').to.have.length(19);

    endless = false;
    loadMoreButton(log)!.click();
    await until(() => log.state === 'ready' && rows(log).length === 3, 'the entries at last');
    expect(cursors().at(-1)).to.equal('k20');
    expect(loadMoreButton(log)).to.equal(undefined);
  });

  it('stops after 10 empty pages in a row below the entries shown, with Load more in the footer', async () => {
    const server = adapterWith([]);
    const { cursors, allAnswered } = recordPages(server, (filter) =>
      filter.cursor ? endlessEmptyPage(filter) : { items: minuteApart(20), nextCursor: 'k1' },
    );
    const log = await logInProvider(server);
    await until(() => log.state === 'ready' && rows(log).length > 0, 'the first page');
    await scrollUntil(log, () => cursors().length > 0, 'the next page');
    await settled(log, allAnswered);
    expect(cursors()).to.deep.equal(emptyPageCursors(1, 10));
    const footer = q(log, '[part~="loading-more"]')!;
    expect(clean(footer.textContent)).to.equal(
      'No new entries found in the last pages. More may follow. Load more',
    );
    expect(log.state).to.equal('ready');
    expect(rowIds(log)).to.include('a20');
    await settle();
    expect(cursors(), 'nothing more on its own').to.have.length(10);
    await expect(log).to.be.accessible();

    loadMoreButton(log)!.click();
    await until(() => cursors().length > 10, 'read on');
    await settled(log, allAnswered);
    await settle();
    expect(cursors()).to.deep.equal(emptyPageCursors(1, 20));
  });

  it('a filter change while reading on cancels the reading', async () => {
    const server = adapterWith([]);
    const thirdPage = held();
    const plans = minuteApart(4, () => ({ resourceType: 'Plans' }), 'p');
    const { cursors, requestFor } = recordPages(server, async (filter) => {
      if (filter.resourceType === 'Plans') return { items: plans, nextCursor: null };
      if (filter.cursor === 'k3') await thirdPage.promise;
      return endlessEmptyPage(filter);
    });
    const log = await logInProvider(server);
    await until(() => cursors().includes('k3') || log.state === 'empty', 'the third empty page, or "empty"');
    expect(log.state).to.equal('loading');

    log.setAttribute('resource-type', 'Plans');
    await until(() => rowIds(log)[0] === 'p4', 'the plans');
    expect(requestFor('k3')!.filter.signal?.aborted, 'the page under way').to.equal(true);
    thirdPage.release();
    await settle();
    await elementUpdated(log);
    const unfiltered = (filter: ActivityFilter) => filter.resourceType === undefined;
    expect(cursors(unfiltered), 'nothing after the cancelled page').to.deep.equal(['k1', 'k2', 'k3']);
    expect(log.state).to.equal('ready');
    expect(rowIds(log)).to.deep.equal(['p4', 'p3', 'p2', 'p1']);
  });

  it('a page that fails while nothing is shown yet: the error, and Retry asks for that page again', async () => {
    const server = adapterWith([]);
    let failures = 1;
    const { cursors } = recordPages(server, (filter) => {
      if (!filter.cursor) return { items: [], nextCursor: 'k1' };
      if (failures > 0) {
        failures -= 1;
        throw new DashboardError('server', 'Unavailable');
      }
      return { items: minuteApart(3), nextCursor: null };
    });
    const log = await logInProvider(server);
    await until(() => log.state === 'error' || log.state === 'empty', 'the error, or "empty"');
    expect(log.state).to.equal('error');
    expect(log.error?.code).to.equal('server');
    expect(q(log, '[role="alert"]')).not.to.equal(null);
    await expect(log).to.be.accessible();

    q(log, '[part~="retry"]')!.click();
    await until(() => log.state === 'ready' && rows(log).length === 3, 'the entries');
    expect(cursors()).to.deep.equal(['k1', 'k1']);
    expect(log.error).to.equal(undefined);
  });
});
