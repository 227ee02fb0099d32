/**
 * The CSV export as a viewer meets it: the file's name dated in the viewer's own time zone, keyboard
 * focus kept on the export's controls as Export gives way to Cancel and back, and no file from a log
 * that has nothing to export from yet.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import { adapterWith, clean, logInProvider, minuteApart, stubDownloads } from '../helpers/activities.js';
import { until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const part = (log: ActivityLog, name: string) =>
  log.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const focusedPart = (log: ActivityLog) => log.shadowRoot!.activeElement?.getAttribute('part');
const status = (log: ActivityLog) => clean(log.shadowRoot!.querySelector('[role="status"]')?.textContent);

describe('<activity-log> export, as the viewer meets it', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  let saved: ReturnType<typeof stubDownloads>;
  beforeEach(() => {
    saved = stubDownloads();
  });
  afterEach(() => sinon.restore());

  // [now, zone, the day it is there]: either side of UTC's date line, and a half-hour zone.
  const CASES: [string, string, string][] = [
    ['2026-11-20T23:30:00Z', 'Asia/Tokyo', '2026-11-21'],
    ['2026-11-21T03:00:00Z', 'America/Los_Angeles', '2026-11-20'],
    ['2026-11-20T18:45:00Z', 'Asia/Kolkata', '2026-11-21'],
    ['2026-11-20T12:00:00Z', 'UTC', '2026-11-20'],
  ];
  for (const [now, zone, day] of CASES) {
    it(`names the file after today in the viewer’s zone: ${now} in ${zone} is ${day}`, async () => {
      const clock = sinon.useFakeTimers({ now: Date.parse(now), toFake: ['Date'] });
      try {
        const log = await fixture<ActivityLog>(
          html`<activity-log .data=${minuteApart(3)} time-zone=${zone} locale="en-US"></activity-log>`,
        );
        await until(() => log.state === 'ready', 'ready');
        await log.exportCsv();
        expect(saved.names).to.deep.equal([`activity-activity-${day}.csv`]);
      } finally {
        clock.restore();
      }
    });
  }

  it('keeps keyboard focus on the export: Enter on Export focuses Cancel, Enter on Cancel focuses Export', async () => {
    const adapter = adapterWith(minuteApart(2000));
    const log = await logInProvider(adapter);
    await until(() => log.state === 'ready', 'ready');
    // The backend holds the export's second page, so it runs until cancelled.
    const listActivities = adapter.listActivities.bind(adapter);
    sinon.stub(adapter, 'listActivities').callsFake((orgId, filter) => {
      if (filter?.limit === 200 && filter.cursor) adapter.hold();
      return listActivities(orgId, filter);
    });
    part(log, 'export')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(log, 'export-cancel') !== null, 'the export under way');
    await log.updateComplete;
    expect(focusedPart(log)).to.equal('export-cancel');
    await sendKeys({ press: 'Enter' });
    await until(() => !log.exporting, 'cancelled');
    await log.updateComplete;
    expect(focusedPart(log)).to.equal('export');
    expect(status(log)).to.equal('Export cancelled');
    expect(saved.created).to.have.length(0);
  });

  it('focus on Cancel goes back to Export when the export ends on its own', async () => {
    const log = await logInProvider(adapterWith(minuteApart(300)));
    await until(() => log.state === 'ready', 'ready');
    part(log, 'export')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => saved.created.length === 1, 'the download');
    await log.updateComplete;
    expect(focusedPart(log)).to.equal('export');
  });

  it('saves nothing before the log has anything to export from (no adapter yet)', async () => {
    const log = await fixture<ActivityLog>(html`<activity-log org-id="o1" locale="en-US"></activity-log>`);
    expect(log.state).to.equal('loading');
    await log.exportCsv();
    await log.updateComplete;
    expect(saved.created).to.have.length(0);
    expect(status(log)).to.equal('');
    expect(log.exporting).to.equal(false);
  });

  it('exports what the search field says, though typing has not paused yet', async () => {
    const adapter = adapterWith(minuteApart(30, (n) => (n % 3 === 0 ? { resourceType: 'Invoices' } : {})));
    const log = await logInProvider(adapter);
    await until(() => log.state === 'ready', 'ready');
    const asked = sinon.spy(adapter, 'listActivities');
    const search = part(log, 'search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: 'invoices' });
    // At once, within the search's pause: the export and the list both follow what is typed.
    part(log, 'export')!.click();
    await until(() => saved.created.length === 1, 'the download');
    const exported = asked.args.filter(([, filter]) => filter?.limit === 200);
    expect(exported.map(([, filter]) => filter?.query)).to.deep.equal(['invoices']);
    expect(log.query).to.equal('invoices');
    expect((await saved.created[0].text()).trim().split('\n')).to.have.length(11);
  });
});
