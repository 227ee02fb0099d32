/** The log's CSV export against backends and hosts that change under it. */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardErrorEvent } from '../../src/base/events.js';
import type { Activity, ActivityFilter } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { clean, logInProvider, minuteApart, stubDownloads } from '../helpers/activities.js';
import { dataset, settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** `count` activities named `<prefix><n>`, each with a resource name of its own. */
const activities = (prefix: string, count: number): Activity[] =>
  minuteApart(count, (n) => ({ resourceName: `${prefix}-res-${n}` }), prefix);

const part = (log: ActivityLog, name: string) =>
  log.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

function twoOrgs(): MemoryAdapter {
  const data = dataset('o1', 'o2');
  data.o1.activities = activities('one', 2000);
  data.o2.activities = activities('two', 30);
  return createMemoryAdapter(data);
}

async function logIn(adapter: MemoryAdapter): Promise<{ provider: OrgDashboardProvider; log: ActivityLog }> {
  const log = await logInProvider(adapter);
  await until(() => log.state === 'ready', 'ready');
  return { provider: log.closest('org-dashboard-provider')!, log };
}

describe('<activity-log> CSV export, switched and looping', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  let created: Blob[];
  let downloads: string[];
  beforeEach(() => {
    ({ created, names: downloads } = stubDownloads());
  });
  afterEach(() => sinon.restore());

  /** Starts an export of o1 that stays on its second page until `release` is called. */
  async function exportHeldOnSecondPage(adapter: MemoryAdapter, log: ActivityLog) {
    const spy = sinon.spy(adapter, 'listActivities');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const original = spy.wrappedMethod.bind(adapter);
    spy.restore();
    const stub = sinon.stub(adapter, 'listActivities').callsFake(async (orgId, filter = {}) => {
      if (orgId === 'o1' && filter.limit === 200 && filter.cursor) await held;
      return original(orgId, filter);
    });
    part(log, 'export')!.click();
    await until(
      () => clean(part(log, 'export-progress')?.textContent) === 'Exported so far: 200',
      'first page',
    );
    return { stub, release };
  }

  it('an org switch aborts the export: nothing is saved, under either name', async () => {
    const adapter = twoOrgs();
    const { provider, log } = await logIn(adapter);
    const { stub, release } = await exportHeldOnSecondPage(adapter, log);
    const exportCall = stub.getCalls().find((call) => (call.args[1] as ActivityFilter).cursor)!;
    provider.setAttribute('org-id', 'o2');
    await until(() => !log.exporting, 'export stopped');
    expect((exportCall.args[1] as ActivityFilter).signal?.aborted).to.equal(true);
    release();
    await until(() => log.state === 'ready' && part(log, 'entry')?.dataset.id === 'two30', 'o2 shown');
    await settle(5);
    expect(created).to.have.length(0);
    expect(downloads).to.deep.equal([]);
    expect(clean(log.shadowRoot!.querySelector('[role="status"]')?.textContent)).to.equal('Export cancelled');
    // The next export is o2's, named after o2.
    part(log, 'export')!.click();
    await until(() => created.length === 1, 'o2 download');
    expect(downloads[0]).to.match(/^o2-activity-/);
    const text = await created[0].text();
    expect(text).to.contain('two-res-30');
    expect(text).not.to.contain('one-res');
  });

  it('an adapter switch and a removed log abort it too', async () => {
    const adapter = twoOrgs();
    const { provider, log } = await logIn(adapter);
    const { release } = await exportHeldOnSecondPage(adapter, log);
    const other = createMemoryAdapter(dataset('o1'));
    provider.adapter = other;
    await until(() => !log.exporting, 'export stopped by the adapter switch');
    release();
    await settle(5);
    expect(created).to.have.length(0);

    const second = twoOrgs();
    const { log: log2 } = await logIn(second);
    const held = await exportHeldOnSecondPage(second, log2);
    log2.remove();
    await until(() => !log2.exporting, 'export stopped by removal');
    held.release();
    await settle(5);
    expect(created).to.have.length(0);
  });

  it('a backend that repeats a cursor stops the export with invalid-data, shown and reported', async () => {
    const data = dataset('o1');
    data.o1.activities = activities('a', 30);
    const adapter = createMemoryAdapter(data);
    const { log } = await logIn(adapter);
    const original = adapter.listActivities.bind(adapter);
    let exportCalls = 0;
    sinon.stub(adapter, 'listActivities').callsFake(async (orgId, filter = {}) => {
      if (filter.limit !== 200) return original(orgId, filter);
      // The first page each time: the adapter refuses cursors it never gave, as a server does.
      const page = await original(orgId, { ...filter, cursor: null });
      exportCalls += 1;
      // A cursor that goes round in circles (a bounded number of times, so the old code ends too).
      return { ...page, nextCursor: exportCalls < 25 ? `c${exportCalls % 2}` : null };
    });
    const errors: DashboardErrorEvent[] = [];
    log.addEventListener('od-error', (e) => errors.push(e as DashboardErrorEvent));
    part(log, 'export')!.click();
    await until(() => !log.exporting && exportCalls > 0, 'export ended');
    expect(created).to.have.length(0);
    expect(exportCalls).to.equal(3);
    expect(errors).to.have.length(1);
    expect(errors[0].detail.error.code).to.equal('invalid-data');
    expect(errors[0].detail.orgId).to.equal('o1');
    const shown = part(log, 'export-error');
    expect(shown?.getAttribute('role')).to.equal('alert');
    expect(clean(shown?.textContent)).to.equal('Export stopped: the server sent data the log can’t read.');
    await expect(log).to.be.accessible();
    // A new export starts clean.
    (adapter.listActivities as sinon.SinonStub).restore();
    part(log, 'export')!.click();
    await until(() => created.length === 1, 'download');
    expect(part(log, 'export-error')).to.equal(null);
  });
});
