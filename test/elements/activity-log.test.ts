import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { DashboardErrorEvent } from '../../src/base/events.js';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Activity, ActivityFilter } from '../../src/contract/types.js';
import {
  ACTIVITY_LOG_SEARCH_DEBOUNCE_MS,
  type ActivityLog,
} from '../../src/elements/activity-log/activity-log.js';
import type { ActivityLogFilterChangeEvent } from '../../src/elements/activity-log/activity-log.events.js';
import {
  adapterWith,
  clean,
  frame,
  live,
  logInProvider,
  minuteApart,
  rowIds,
  rows,
  scroller,
  scrollTo,
  scrollUntil,
  stubDownloads,
} from '../helpers/activities.js';
import { dataset, settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const root = (log: ActivityLog) => log.shadowRoot!;
const q = <T extends Element = HTMLElement>(log: ActivityLog, selector: string) =>
  root(log).querySelector<T & Element>(selector);
const status = (log: ActivityLog) => clean(q(log, '[role="status"]')?.textContent);

const TYPES = ['Workspaces', 'Invoices', 'Plans', 'Organization'];
const ACTIONS = ['Create', 'Update', 'Delete', 'Fetch'];

/** `count` activities a minute apart, the newest (`a<count>`) at `BASE`; types and actions cycle. */
const activities = (count: number): Activity[] =>
  minuteApart(count, (n, i) => ({
    resourceType: TYPES[i % TYPES.length],
    action: ACTIONS[Math.floor(i / TYPES.length) % ACTIONS.length],
    actor: { name: 'Ada Lovelace' },
    resourceName: `res-${n}`,
  }));

async function logIn(adapter: MemoryAdapter, attrs = ''): Promise<ActivityLog> {
  const log = await logInProvider(adapter);
  for (const [name, value] of new URLSearchParams(attrs)) log.setAttribute(name, value);
  return log;
}

/** A log of `count` entries in a provider, ready, with a spy on every request it made from the start. */
async function spiedLog(count: number) {
  const adapter = adapterWith(activities(count));
  const spy = sinon.spy(adapter, 'listActivities');
  const log = await logIn(adapter);
  await ready(log);
  return { spy, log };
}

/** A log of 60 entries in a provider, ready, with a spy on its requests and every filter change it announced. */
async function watchedLog() {
  const adapter = adapterWith(activities(60));
  const log = await logIn(adapter);
  await ready(log);
  const spy = sinon.spy(adapter, 'listActivities');
  const changes: ActivityLogFilterChangeEvent[] = [];
  log.addEventListener('od-activity-log-filter-change', (e) => changes.push(e));
  return { adapter, log, spy, changes };
}

/** A controlled log: `data` given by the host, `height` px high. */
const controlledLog = (data: Activity[], height: number) =>
  fixture<ActivityLog>(
    html`<activity-log
      .data=${data}
      locale="en-US"
      style="--od-activity-log-height: ${height}px"
    ></activity-log>`,
  );

async function ready(log: ActivityLog, state = 'ready'): Promise<void> {
  await until(() => log.state === state, `state ${state} (is ${log.state})`);
  await elementUpdated(log);
  await until(() => state !== 'ready' || rows(log).length > 0, 'rows');
}

const filters = (spy: sinon.SinonSpy) =>
  spy.getCalls().map((call) => {
    const { signal: _signal, ...rest } = call.args[1] as ActivityFilter;
    return rest;
  });

function select(log: ActivityLog, part: string, value: string): void {
  const control = q<HTMLSelectElement | HTMLInputElement>(log, `[part~="${part}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function type(log: ActivityLog, value: string): void {
  const input = q<HTMLInputElement>(log, '[part~="search"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** `until` for tests whose setTimeout is fake: checks once a frame, with a bound in frames. */
async function byFrames(check: () => boolean, what: string, frames = 3000): Promise<void> {
  for (let i = 0; i < frames; i += 1) {
    if (check()) return;
    await frame();
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('<activity-log>', () => {
  // The virtualizer measures rows as they render: browsers report that as a (harmless) error event.
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  describe('inside a provider', () => {
    it('shows the first page, newest first, as a list that says where each row is', async () => {
      const { spy, log } = await spiedLog(120);
      expect(filters(spy)).to.deep.include({ limit: 50 });
      expect(rowIds(log)[0]).to.equal('a120');
      const first = rows(log)[0];
      expect(first.getAttribute('role')).to.equal('listitem');
      expect(first.getAttribute('aria-posinset')).to.equal('1');
      // More pages to come: the total is unknown.
      expect(first.getAttribute('aria-setsize')).to.equal('-1');
      expect(clean(first.textContent)).to.contain('Workspaces · Create — res-120');
      expect(clean(first.querySelector('[part~="exact-time"]')?.textContent)).to.contain('Nov 20, 2026');
      expect(first.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-20T10:00:00.000Z');
      expect(scroller(log).getAttribute('role')).to.equal('list');
      expect(scroller(log).tabIndex).to.equal(0);
      expect(rows(log).length).to.be.below(50);
      // Never announced on the first load.
      expect(status(log)).to.equal('');
      await expect(log).to.be.accessible();
    });

    it('loads the next page as the end of the list comes near', async () => {
      const { spy, log } = await spiedLog(300);
      // The log's first page (the shared store also asks for the latest entries, for live updates).
      expect(filters(spy)).to.deep.include({ limit: 50 });
      // The memory adapter's cursor is `<entries before the page>:<its time>:<id of the last one>`.
      const cursors = () => filters(spy).map((f) => f.cursor?.split(':')[0]);
      expect(cursors()).not.to.include('100');
      for (const cursor of ['50', '100', '150']) {
        await scrollUntil(log, () => cursors().includes(cursor), `page at ${cursor}`);
      }
      expect(filters(spy).find((f) => f.cursor?.startsWith('100:'))).to.include({ limit: 50 });
      await until(() => Number(rows(log).at(-1)?.getAttribute('aria-posinset')) > 100, 'rows of page 3');
    });

    it('keeps at most 100 rows in the DOM while scrolling far through 100,000 entries', async () => {
      const adapter = adapterWith(activities(100_000));
      const log = await logIn(adapter);
      await ready(log);
      let most = rows(log).length;
      for (let i = 0; i < 12; i += 1) {
        const before = scroller(log).scrollHeight;
        await scrollUntil(
          log,
          () => {
            most = Math.max(most, rows(log).length);
            return scroller(log).scrollHeight > before;
          },
          `page ${i + 2}`,
        );
      }
      await scrollTo(log, scroller(log).scrollHeight);
      most = Math.max(most, rows(log).length);
      // 13 pages (650 entries) loaded, far down the list, and still only the rows in view.
      const last = rows(log).at(-1)!;
      expect(Number(last.getAttribute('aria-posinset'))).to.be.above(500);
      expect(most).to.be.at.most(100);
      expect(root(log).querySelectorAll('*').length).to.be.below(1500);
    });

    it('filters by resource type, action and dates on the server, and reflects them to attributes', async () => {
      const { log, spy, changes } = await watchedLog();

      select(log, 'resource-type-filter', 'Invoices');
      await until(() => spy.callCount === 1, 'filtered request');
      expect(filters(spy)[0]).to.deep.equal({ limit: 50, resourceType: 'Invoices' });
      await ready(log);
      expect(log.getAttribute('resource-type')).to.equal('Invoices');
      expect(rows(log).every((row) => row.textContent?.includes('Invoices'))).to.equal(true);
      await until(() => status(log) !== '', 'announcement');
      expect(status(log)).to.equal('Matching entries: 15');

      select(log, 'action-filter', 'Create');
      select(log, 'from-filter', '2026-11-19');
      select(log, 'to-filter', '2026-11-20');
      await until(() => spy.callCount >= 2, 'more requests');
      await ready(log);
      expect(filters(spy).at(-1)).to.deep.equal({
        limit: 50,
        resourceType: 'Invoices',
        action: 'Create',
        // Calendar days in the log's time zone (UTC here), as instants; `to` its last nanosecond.
        from: '2026-11-19T00:00:00.000Z',
        to: '2026-11-20T23:59:59.999999999Z',
      });
      expect(log.getAttribute('action')).to.equal('Create');
      expect(log.getAttribute('from')).to.equal('2026-11-19');
      expect(log.getAttribute('to')).to.equal('2026-11-20');
      expect(changes.map((e) => e.detail.filter)).to.deep.equal([
        { resourceType: 'Invoices' },
        { resourceType: 'Invoices', action: 'Create' },
        { resourceType: 'Invoices', action: 'Create', from: '2026-11-19' },
        { resourceType: 'Invoices', action: 'Create', from: '2026-11-19', to: '2026-11-20' },
      ]);
      expect(changes[0].detail.orgId).to.equal('o1');
      expect(changes[0].bubbles && changes[0].composed).to.equal(true);
    });

    it('re-queries when the host sets the attributes, without a filter-change event', async () => {
      const { spy, log } = await spiedLog(60);
      const changes: Event[] = [];
      log.addEventListener('od-activity-log-filter-change', (e) => changes.push(e));
      log.setAttribute('resource-type', 'Plans');
      log.setAttribute('query', 'res-5');
      await until(() => filters(spy).some((f) => f.resourceType === 'Plans' && f.query === 'res-5'), 'query');
      await ready(log);
      expect(q<HTMLSelectElement>(log, '[part~="resource-type-filter"]')!.value).to.equal('Plans');
      expect(q<HTMLInputElement>(log, '[part~="search"]')!.value).to.equal('res-5');
      expect(log.filter).to.deep.equal({ resourceType: 'Plans', query: 'res-5' });
      log.removeAttribute('resource-type');
      log.removeAttribute('query');
      await until(() => filters(spy).at(-1)?.resourceType === undefined && spy.callCount >= 3, 'cleared');
      await settle();
      expect(changes).to.have.length(0);
    });

    it('debounces the search and aborts superseded requests', async () => {
      const { adapter, log, spy, changes } = await watchedLog();
      // The debounce runs on a fake clock and the backend holds its answers: what is still in flight
      // and what has waited long enough never depends on how fast the machine is.
      adapter.hold();
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        type(log, 'r');
        await clock.tickAsync(ACTIVITY_LOG_SEARCH_DEBOUNCE_MS - 1);
        type(log, 're');
        type(log, 'res');
        await clock.tickAsync(ACTIVITY_LOG_SEARCH_DEBOUNCE_MS - 1);
        await frame();
        expect(spy.callCount, 'nothing sent while typing').to.equal(0);
        await clock.tickAsync(1);
        await byFrames(() => spy.callCount === 1, 'debounced search');
        expect(filters(spy)[0]).to.deep.equal({ limit: 50, query: 'res' });
        expect(log.getAttribute('query')).to.equal('res');

        type(log, 'res-4');
        await clock.tickAsync(ACTIVITY_LOG_SEARCH_DEBOUNCE_MS);
        await byFrames(() => spy.callCount === 2, 'second search');
      } finally {
        clock.restore();
      }
      expect(filters(spy)[1]).to.deep.equal({ limit: 50, query: 'res-4' });
      expect((spy.getCall(0).args[1] as ActivityFilter).signal?.aborted).to.equal(true);
      expect((spy.getCall(1).args[1] as ActivityFilter).signal?.aborted).to.equal(false);
      adapter.release();
      await ready(log);
      expect(rows(log).every((row) => row.textContent?.includes('res-4'))).to.equal(true);
      expect(changes.map((e) => e.detail.filter.query)).to.deep.equal(['res', 'res-4']);
      // The field keeps exactly what was typed.
      expect(q<HTMLInputElement>(log, '[part~="search"]')!.value).to.equal('res-4');
    });

    it('shows live entries at the top while the reader is there', async () => {
      const adapter = adapterWith(activities(60));
      const log = await logIn(adapter);
      await ready(log);
      adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
      await until(() => rowIds(log)[0] === 'n1', 'live entry at the top');
      // The same entry again (a replay) is not shown twice.
      adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
      await settle();
      expect(rowIds(log).filter((id) => id === 'n1')).to.have.length(1);
      expect(q(log, '[part~="new-entries"]')).to.equal(null);
    });

    it('holds live entries back while the reader is scrolled down, so nothing moves', async () => {
      const adapter = adapterWith(activities(60));
      const log = await logIn(adapter);
      await ready(log);
      await scrollTo(log, 400);
      const list = scroller(log);
      const listTop = list.getBoundingClientRect().top;
      const firstVisible = () =>
        rows(log)
          .filter((row) => row.getBoundingClientRect().bottom > listTop + 1)
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
      const anchor = firstVisible();
      const anchorTop = anchor.getBoundingClientRect().top;

      adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
      adapter.emit('o1', { topic: 'activity', data: live('n2', 2) });
      await until(() => q(log, '[part~="new-entries"]') !== null, 'new entries button');
      await frame();
      expect(clean(q(log, '[part~="new-entries"]')?.textContent)).to.equal('New entries: 2. Show');
      expect(firstVisible().dataset.id).to.equal(anchor.dataset.id);
      expect(firstVisible().getBoundingClientRect().top).to.equal(anchorTop);
      expect(rowIds(log)).not.to.include('n1');
      await expect(log).to.be.accessible();

      q(log, '[part~="new-entries"]')!.click();
      await until(() => rowIds(log)[0] === 'n2', 'new entries shown');
      expect(rowIds(log)[1]).to.equal('n1');
      expect(scroller(log).scrollTop).to.equal(0);
      expect(root(log).activeElement).to.equal(scroller(log));
    });

    it('adds only live entries that match the filters', async () => {
      const adapter = adapterWith(activities(60));
      const log = await logIn(adapter, 'resource-type=Workspaces');
      await ready(log);
      await until(() => rowIds(log)[0] === 'a60', 'filtered');
      adapter.emit('o1', { topic: 'activity', data: live('n1', 1, { resourceType: 'Invoices' }) });
      adapter.emit('o1', { topic: 'activity', data: live('n2', 2, { resourceType: 'Workspaces' }) });
      await until(() => rowIds(log)[0] === 'n2', 'matching live entry');
      expect(rowIds(log)).not.to.include('n1');
    });

    it('never repeats an entry when pages shift under live entries', async () => {
      const adapter = adapterWith(activities(120));
      const log = await logIn(adapter);
      await ready(log);
      // Three arrive on the server: offset cursors now point three entries earlier.
      for (let i = 1; i <= 3; i += 1) adapter.emit('o1', { topic: 'activity', data: live(`n${i}`, i) });
      await until(() => rowIds(log)[0] === 'n3', 'live entries');
      await scrollUntil(log, () => rowIds(log).includes('a70'), 'second page');
      const seen = rowIds(log);
      expect(new Set(seen).size).to.equal(seen.length);
    });
  });

  describe('CSV export', () => {
    let created: Blob[];
    let clicks: HTMLAnchorElement[];

    beforeEach(() => {
      ({ created, clicks } = stubDownloads());
    });
    afterEach(() => sinon.restore());

    async function csvText(): Promise<string> {
      const bytes = new Uint8Array(await created[0].arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    }

    it('writes the filtered entries, escaped against formula injection', async () => {
      const nasty: Activity[] = [
        { ...live('x1', 0), resourceName: "=cmd|' /C calc'!A0", actor: { name: '+1' } },
        { ...live('x2', -1), resourceName: '-1', actor: { name: '@SUM(A1:A2)' } },
        { ...live('x3', -2), resourceName: 'say "hi", twice', actor: { name: 'line\nbreak' } },
        { ...live('x4', -3), resourceName: '\tTabbed', actor: { name: 'Ada' } },
        { ...live('x5', -4), resourceType: 'Plans', resourceName: 'not exported' },
      ];
      const log = await fixture<ActivityLog>(
        html`<activity-log .data=${nasty} resource-type="Invoices" locale="en-US"></activity-log>`,
      );
      await ready(log);
      q(log, '[part~="export"]')!.click();
      await until(() => created.length === 1, 'download');
      expect(clicks).to.have.length(1);
      expect(clicks[0].download).to.match(/^activity-activity-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(clicks[0].href).to.equal('blob:test');
      expect(created[0].type).to.equal('text/csv;charset=utf-8');
      const lines = (await csvText()).split('\r\n');
      expect(lines[0]).to.equal('Time,Resource type,Action,Resource name,Actor');
      expect(lines[1]).to.equal(`2026-11-20T10:00:00.000Z,Invoices,Create,'=cmd|' /C calc'!A0,'+1`);
      expect(lines[2]).to.equal(`2026-11-20T09:59:00.000Z,Invoices,Create,'-1,'@SUM(A1:A2)`);
      expect(lines[3]).to.equal('2026-11-20T09:58:00.000Z,Invoices,Create,"say ""hi"", twice","line\nbreak"');
      expect(lines[4]).to.equal("2026-11-20T09:57:00.000Z,Invoices,Create,'\tTabbed,Ada");
      expect(lines[5]).to.equal('');
      expect(lines).to.have.length(6);
      await until(() => status(log) === 'Export complete: 4 entries', 'done announcement');
      await until(() => (URL.revokeObjectURL as sinon.SinonStub).calledWith('blob:test'), 'revoke', 3000);
    });

    it('streams every matching entry page by page through the adapter', async () => {
      const adapter = adapterWith(activities(1000));
      const log = await logIn(adapter, 'action=Delete');
      await until(() => log.filter.action === 'Delete' && log.state === 'ready', 'filtered');
      const spy = sinon.spy(adapter, 'listActivities');
      q(log, '[part~="export"]')!.click();
      await until(() => created.length === 1, 'download', 5000);
      const deletes = adapter.data.o1.activities.filter((a) => a.action === 'Delete');
      expect(filters(spy)).to.deep.equal([
        { action: 'Delete', limit: 200 },
        {
          action: 'Delete',
          limit: 200,
          cursor: `200:${Date.parse(deletes[199].occurredAt)}:${deletes[199].id}`,
        },
      ]);
      const lines = (await csvText()).trim().split('\r\n');
      expect(lines).to.have.length(249);
      expect(lines.slice(1).every((line) => line.split(',')[2] === 'Delete')).to.equal(true);
    });

    it('shows progress and can be cancelled; a host can take the export over', async () => {
      const adapter = adapterWith(activities(2000));
      const log = await logIn(adapter);
      await ready(log);
      // The backend holds the export's third page: the export is under way and stays so until
      // cancelled, however slow the machine (a delay per page let it finish, or run past 400,
      // before the test looked).
      const listActivities = adapter.listActivities.bind(adapter);
      let exportPages = 0;
      const spy = sinon.stub(adapter, 'listActivities').callsFake((orgId, filter) => {
        exportPages += 1;
        if (exportPages === 3) adapter.hold();
        return listActivities(orgId, filter);
      });
      q(log, '[part~="export"]')!.click();
      await until(() => exportPages === 3, 'a third page requested');
      await until(() => clean(q(log, '[part~="export-progress"]')?.textContent) === 'Exported so far: 400');
      expect(log.exporting).to.equal(true);
      await expect(log).to.be.accessible();
      q(log, '[part~="export-cancel"]')!.click();
      await until(() => !log.exporting, 'cancelled');
      await until(() => status(log) === 'Export cancelled', 'cancel announcement');
      expect((spy.lastCall.args[1] as ActivityFilter).signal?.aborted).to.equal(true);
      expect(created).to.have.length(0);
      expect(q(log, '[part~="export"]')).not.to.equal(null);

      log.addEventListener('od-export-csv', (e) => e.preventDefault(), { once: true });
      const calls = spy.callCount;
      q(log, '[part~="export"]')!.click();
      await settle();
      expect(spy.callCount).to.equal(calls);
      expect(log.exporting).to.equal(false);
    });
  });

  describe('states', () => {
    it('loading: a skeleton of the final size', async () => {
      const adapter = adapterWith(activities(10));
      adapter.hold();
      const log = await logIn(adapter);
      await until(() => q(log, '.list-placeholder') !== null, 'skeleton');
      expect(log.state).to.equal('loading');
      expect(log.matches(':state(loading)')).to.equal(true);
      expect(q(log, '.list-placeholder')!.getBoundingClientRect().height).to.equal(300);
      expect(q(log, '[part~="card"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(log).to.be.accessible();
    });

    it('ready: the list has the same height as the skeleton', async () => {
      const log = await logIn(adapterWith(activities(10)));
      await ready(log);
      expect(scroller(log).getBoundingClientRect().height).to.equal(300);
      expect(log.matches(':state(ready)')).to.equal(true);
      // Every row loaded: the set size is known.
      expect(rows(log)[0].getAttribute('aria-setsize')).to.equal('10');
    });

    it('empty with filters: says so and clears them', async () => {
      const adapter = adapterWith(activities(10));
      const log = await logIn(adapter, 'query=nothing-like-this');
      await ready(log, 'empty');
      expect(clean(q(log, '[part~="empty"]')?.textContent)).to.equal('No activity matches these filters');
      await expect(log).to.be.accessible();
      const changes: ActivityLogFilterChangeEvent[] = [];
      log.addEventListener('od-activity-log-filter-change', (e) => changes.push(e));
      q(log, '[part~="clear-filters"]')!.click();
      await ready(log);
      expect(log.hasAttribute('query')).to.equal(false);
      expect(changes.map((e) => e.detail.filter)).to.deep.equal([{}]);
      expect(rows(log)).to.have.length.above(0);
    });

    it('empty without filters', async () => {
      const log = await logIn(adapterWith([]));
      await ready(log, 'empty');
      expect(clean(q(log, '[part~="empty"]')?.textContent)).to.equal('No activity yet');
      expect(q(log, '[part~="clear-filters"]')).to.equal(null);
      expect(q<HTMLButtonElement>(log, '[part~="export"]')!.disabled).to.equal(true);
    });

    it('error: a message, Retry, and od-error', async () => {
      const adapter = adapterWith(activities(10));
      adapter.failNext('listActivities', 'server', 1);
      const errors: Event[] = [];
      document.addEventListener('od-error', (e) => errors.push(e), { once: true });
      const log = await logIn(adapter);
      await ready(log, 'error');
      expect(log.error?.code).to.equal('server');
      expect(errors).to.have.length(1);
      expect(q(log, '[role="alert"]')).not.to.equal(null);
      await expect(log).to.be.accessible();
      q(log, '[part~="retry"]')!.click();
      await ready(log);
      expect(log.error).to.equal(undefined);
    });

    it('no access without activity:read: a notice, or nothing with access-denied="hide"', async () => {
      const data = dataset('o1');
      data.o1.access.permissions = data.o1.access.permissions.filter((p) => p !== 'activity:read');
      const adapter = createMemoryAdapter(data);
      const spy = sinon.spy(adapter, 'listActivities');
      const log = await logIn(adapter);
      await ready(log, 'no-access');
      expect(clean(q(log, '[part~="no-access"]')?.textContent)).to.contain('Ask your organization owner');
      expect(q(log, '[part~="filters"]')).to.equal(null);
      expect(spy.callCount).to.equal(0);
      await expect(log).to.be.accessible();
      log.setAttribute('access-denied', 'hide');
      await elementUpdated(log);
      expect(log.matches(':state(access-hidden)')).to.equal(true);
      expect(getComputedStyle(log).display).to.equal('none');
    });

    it('no access when the adapter answers 403', async () => {
      const adapter = adapterWith(activities(10));
      adapter.failNext('listActivities', 'forbidden', 100);
      const log = await logIn(adapter);
      await ready(log, 'no-access');
      await expect(log).to.be.accessible();
    });

    it('stale when a page fails to load: the entries stay, Retry loads it', async () => {
      const adapter = adapterWith(activities(400));
      const log = await logIn(adapter);
      await ready(log);
      await settle();
      const spy = sinon.spy(adapter, 'listActivities');
      adapter.failNext('listActivities', 'network', 1);
      await scrollUntil(log, () => log.state === 'stale', 'a failed page');
      await ready(log, 'stale');
      const failed = (spy.lastCall.args[1] as ActivityFilter).cursor;
      expect(log.error?.code).to.equal('network');
      expect(clean(q(log, '[part~="stale"]')?.textContent)).to.contain('Last updated');
      expect(rows(log).length).to.be.above(0);
      await expect(log).to.be.accessible();
      q<HTMLButtonElement>(log, '[part~="stale"] [part~="retry"]')!.click();
      await ready(log);
      await until(() => spy.callCount === 2, 'the page again');
      expect((spy.lastCall.args[1] as ActivityFilter).cursor).to.equal(failed);
    });

    it('stale while the live connection is down', async () => {
      const adapter = adapterWith(activities(20));
      const log = await logIn(adapter);
      await ready(log);
      adapter.disconnect('o1');
      await ready(log, 'stale');
      adapter.reconnect('o1');
      await ready(log);
    });
  });

  describe('refresh of the live entries', () => {
    it('fires od-error once when the store fails to refresh them, as the cards do', async () => {
      const adapter = adapterWith(activities(20));
      const log = await logIn(adapter);
      await ready(log);
      const errors: DashboardErrorEvent['detail'][] = [];
      const onError = (event: DashboardErrorEvent) => errors.push(event.detail);
      log.addEventListener('od-error', onError);
      // After a live outage the store fetches the list again: that fetch fails.
      adapter.failNext('listActivities', 'server', 1);
      adapter.disconnect('o1');
      adapter.reconnect('o1');
      await until(() => log.state === 'stale' && errors.length > 0, 'stale, and an od-error');
      await settle();
      log.removeEventListener('od-error', onError);
      expect(errors.map((detail) => [detail.error.code, detail.resource, detail.orgId])).to.deep.equal([
        ['server', 'activity', 'o1'],
      ]);
    });
  });

  describe('modes', () => {
    it('standalone with its own org-id and adapter', async () => {
      const adapter = adapterWith(activities(30));
      const log = await fixture<ActivityLog>(
        html`<activity-log org-id="o1" .adapter=${adapter} locale="en-US"></activity-log>`,
      );
      await ready(log);
      expect(rowIds(log)[0]).to.equal('a30');
      await expect(log).to.be.accessible();
    });

    it('controlled: filters the given data here, with the same rules as the adapters', async () => {
      const data = activities(40);
      const log = await controlledLog(data, 300);
      await ready(log);
      expect(rows(log)[0].getAttribute('aria-setsize')).to.equal('40');
      log.setAttribute('resource-type', 'Plans');
      await elementUpdated(log);
      await until(() => rows(log)[0]?.getAttribute('aria-setsize') === '10', 'filtered');
      type(log, 'RES-3');
      await until(() => log.query === 'RES-3', 'search');
      await elementUpdated(log);
      expect(rowIds(log)).to.deep.equal(['a38', 'a34', 'a30']);
      await until(() => status(log) === 'Matching entries: 3', 'announcement');
      await expect(log).to.be.accessible();
    });

    it('controlled: invalid data shows the error state and fires nothing', async () => {
      const errors: Event[] = [];
      document.addEventListener('od-error', (e) => errors.push(e));
      const log = await fixture<ActivityLog>(
        html`<activity-log .data=${{ id: 1 } as unknown as Activity[]}></activity-log>`,
      );
      await ready(log, 'error');
      expect(log.error?.code).to.equal('invalid-data');
      expect(q(log, '[part~="retry"]')).to.equal(null);
      expect(errors).to.have.length(0);
      await expect(log).to.be.accessible();
    });

    it('controlled: 100,000 entries scroll to the very end with a bounded DOM', async () => {
      const data = activities(100_000);
      const log = await controlledLog(data, 400);
      await ready(log);
      let most = rows(log).length;
      for (const fraction of [0.25, 0.5, 0.75, 1]) {
        await scrollTo(log, scroller(log).scrollHeight * fraction);
        await until(() => rows(log).length > 0, 'rows');
        most = Math.max(most, rows(log).length);
      }
      await until(
        () => rows(log).some((row) => row.getAttribute('aria-posinset') === '100000'),
        'last row',
        5000,
      );
      expect(rows(log).at(-1)?.getAttribute('aria-setsize')).to.equal('100000');
      expect(most).to.be.at.most(100);
    });
  });
});
