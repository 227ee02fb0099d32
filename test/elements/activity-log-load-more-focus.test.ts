/**
 * Keyboard focus on `<activity-log>`'s Load more (the reading paused after pages that added no
 * entry): it stays on the button while the page it asked for loads, and goes to the list once
 * entries take the button's place, never to `<body>` (WCAG 2.4.3). Each page the test holds is
 * answered when the test says, so nothing depends on the machine's speed.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ActivityFilter, ActivityPage } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import {
  adapterWith,
  BASE,
  clean,
  logInProvider,
  minuteApart,
  rows,
  scrollUntil,
} from '../helpers/activities.js';
import { deepActive } from '../helpers/a11y.js';
import { until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/**
 * Answers the log's pages with `answer`; while held, the pages with a cursor (those Load more
 * reads) wait for `release()`.
 */
function scriptedPages(adapter: MemoryAdapter, answer: (filter: ActivityFilter) => ActivityPage) {
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  sinon.stub(adapter, 'listActivities').callsFake(async (_orgId, filter = {}) => {
    if (filter.cursor && gate) await gate.promise;
    return answer(filter);
  });
  return {
    hold() {
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    release() {
      gate?.open();
      gate = undefined;
    },
  };
}

/** A page with nothing in it that points at the next one: `k<n>` leads to `k<n+1>`. */
const emptyPage = (filter: ActivityFilter): ActivityPage => ({
  items: [],
  nextCursor: `k${filter.cursor ? Number(filter.cursor.slice(1)) + 1 : 1}`,
});

const busy = (log: ActivityLog) =>
  log.shadowRoot!.querySelector('[part~="card"]')?.getAttribute('aria-busy') === 'true';
const loadMore = (log: ActivityLog) => log.shadowRoot!.querySelector<HTMLElement>('[part~="load-more"]');

/** Where focus is, as text: the element's name and `part`, or `body`. */
function focusedPart(): string {
  const active = deepActive();
  if (!active || active === document.body) return 'body';
  return `${active.localName}[${active.getAttribute('part') ?? ''}]`;
}

/** The Load more button as a screen reader meets it: its text, and whether it is disabled. */
const button = (log: ActivityLog) => {
  const element = loadMore(log);
  return element
    ? `${clean(element.textContent)}, disabled ${element.getAttribute('aria-disabled') ?? 'false'}`
    : 'none';
};

async function pressLoadMore(log: ActivityLog): Promise<void> {
  loadMore(log)!.focus();
  await sendKeys({ press: 'Enter' });
  await log.updateComplete;
}

async function idle(log: ActivityLog): Promise<void> {
  await until(() => !busy(log) && log.state !== 'loading', 'the log done reading');
  await log.updateComplete;
}

describe('<activity-log> Load more keeps focus', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => sinon.restore());

  it('with nothing shown yet: on the button while the page loads, then on the list its entries fill', async () => {
    const server = adapterWith([]);
    let endless = true;
    const pages = scriptedPages(server, (filter) =>
      endless || !filter.cursor ? emptyPage(filter) : { items: minuteApart(3), nextCursor: null },
    );
    const log = await logInProvider(server);
    await until(() => loadMore(log) !== null, 'the reading paused');
    await idle(log);

    pages.hold();
    await pressLoadMore(log);
    expect(busy(log), 'loading').to.equal(true);
    expect(focusedPart(), 'while the page loads').to.equal('button[load-more]');
    expect(button(log)).to.equal('Load more, disabled true');
    expect(clean(log.shadowRoot!.querySelector('.list-placeholder')?.textContent)).to.contain(
      'Loading more…',
    );
    await expect(log).to.be.accessible();

    // Ten more empty pages: paused again, the same button.
    pages.release();
    await idle(log);
    expect(focusedPart(), 'paused again').to.equal('button[load-more]');
    expect(button(log)).to.equal('Load more, disabled false');

    endless = false;
    await pressLoadMore(log);
    await until(() => rows(log).length === 3, 'the entries');
    await idle(log);
    expect(focusedPart(), 'once the entries are in').to.equal('div[list]');
  });

  it('below the entries: on the button while the page loads, then on the list', async () => {
    const server = adapterWith([]);
    let endless = true;
    // Older than the first page's twenty.
    const at = (_n: number, i: number) => ({ occurredAt: new Date(BASE - (20 + i) * 60_000).toISOString() });
    const olderEntries = minuteApart(5, at, 'b');
    const pages = scriptedPages(server, (filter) => {
      if (!filter.cursor) return { items: minuteApart(20), nextCursor: 'k1' };
      return endless ? emptyPage(filter) : { items: olderEntries, nextCursor: null };
    });
    const log = await logInProvider(server);
    await until(() => log.state === 'ready' && rows(log).length > 0, 'the first page');
    await scrollUntil(log, () => loadMore(log) !== null, 'the reading paused');
    await idle(log);

    pages.hold();
    endless = false;
    await pressLoadMore(log);
    expect(busy(log), 'loading').to.equal(true);
    expect(focusedPart(), 'while the page loads').to.equal('button[load-more]');
    expect(button(log)).to.equal('Load more, disabled true');
    expect(clean(log.shadowRoot!.querySelector('[part~="loading-more"]')?.textContent)).to.contain(
      'Loading more…',
    );

    pages.release();
    await idle(log);
    expect(button(log), 'Load more once the entries are in').to.equal('none');
    expect(focusedPart(), 'once the entries are in').to.equal('div[list]');
    await expect(log).to.be.accessible();
  });

  it('a page read later by scrolling on shows "Loading more…" alone, not Load more', async () => {
    const server = adapterWith([]);
    let endless = true;
    const older = (from: number, prefix: string) =>
      minuteApart(
        20,
        (_n, i) => ({ occurredAt: new Date(BASE - (from + i) * 60_000).toISOString() }),
        prefix,
      );
    const pages = scriptedPages(server, (filter) => {
      if (!filter.cursor) return { items: minuteApart(20), nextCursor: 'k1' };
      if (filter.cursor === 'm1') return { items: older(40, 'c'), nextCursor: null };
      return endless ? emptyPage(filter) : { items: older(20, 'b'), nextCursor: 'm1' };
    });
    const log = await logInProvider(server);
    await until(() => log.state === 'ready' && rows(log).length > 0, 'the first page');
    await scrollUntil(log, () => loadMore(log) !== null, 'the reading paused');
    await idle(log);
    endless = false;
    await pressLoadMore(log);
    await until(() => rows(log).some((row) => row.dataset.id?.startsWith('b')), 'the page asked for');
    await idle(log);
    // The reader scrolls on: the next page is read without asking.
    pages.hold();
    await scrollUntil(log, () => busy(log), 'the next page asked for by scrolling');
    const whileLoading = button(log);
    pages.release();
    await idle(log);
    expect(whileLoading).to.equal('none');
  });
});
