/**
 * What `<activity-log>` tells screen readers without moving focus, beyond the results of the
 * viewer's own queries: live entries that arrive (in the list or held behind "New entries", as the
 * feed says them), and a later page that failed to load while the reader scrolled on.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import { DashboardError } from '../../src/contract/errors.js';
import type { ActivityFilter } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import {
  adapterWith,
  clean,
  live,
  logInProvider,
  minuteApart,
  rows,
  scrollTo,
} from '../helpers/activities.js';
import { settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const said = (log: ActivityLog) => clean(log.shadowRoot!.querySelector('[role="status"]')?.textContent);

async function readyLog(count = 40, filter?: Partial<Record<'resourceType', string>>) {
  const adapter = adapterWith(minuteApart(count));
  const log = await logInProvider(adapter);
  if (filter?.resourceType) log.resourceType = filter.resourceType;
  await until(() => log.state === 'ready' && rows(log).length > 0, 'ready');
  // The shared store's own first load (its latest entries) is history, not news.
  await settle();
  return { log, adapter };
}

describe('<activity-log> tells screen readers what changes without them', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => sinon.restore());

  it('a live entry at the top, shown at once: said as the feed says it', async () => {
    const { log, adapter } = await readyLog();
    const before = said(log);
    adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
    await until(() => said(log) !== before, 'something said');
    expect(said(log)).to.equal('New activity: Invoices · Create');
  });

  it('scrolled down, a live entry held behind "New entries": said too', async () => {
    const { log, adapter } = await readyLog();
    await scrollTo(log, 600);
    const before = said(log);
    adapter.emit('o1', { topic: 'activity', data: live('n1', 1, { action: 'Delete' }) });
    await until(() => said(log) !== before, 'something said');
    expect(log.shadowRoot!.querySelector('[part~="new-entries"]'), 'held back').not.to.equal(null);
    expect(said(log)).to.equal('New activity: Invoices · Delete');
  });

  it('a live entry the filters leave out: nothing said', async () => {
    const { log, adapter } = await readyLog(40, { resourceType: 'Workspaces' });
    const before = said(log);
    adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
    adapter.emit('o1', { topic: 'activity', data: live('n2', 2, { resourceType: 'Workspaces' }) });
    await until(() => said(log) !== before, 'something said');
    expect(said(log)).to.equal('New activity: Workspaces · Create');
  });

  it('a later page that fails: its failure said, as the footer says it', async () => {
    const adapter = adapterWith([]);
    sinon.stub(adapter, 'listActivities').callsFake(async (_orgId, filter: ActivityFilter = {}) => {
      if (filter.cursor) throw new DashboardError('server', 'Unavailable');
      return { items: minuteApart(30), nextCursor: 'k1' };
    });
    // The log reads the next page ahead of the reader, as the rows shown near the end.
    const log = await logInProvider(adapter);
    await until(() => log.state === 'stale' && rows(log).length > 0, 'the next page failed');
    await until(() => said(log) !== '', 'something said');
    const footer = clean(log.shadowRoot!.querySelector('[part~="loading-more"]')?.textContent);
    expect(footer).not.to.equal('');
    expect(said(log)).to.equal(footer);
  });
});
