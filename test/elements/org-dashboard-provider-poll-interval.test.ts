/**
 * `poll-interval` of providers that share one org's store: a provider or `<org-dashboard>` that
 * sets none asks for nothing, so a slower interval the host set on another (an enclosing provider)
 * holds. Timers are faked: nothing depends on the machine's speed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { cardsOf } from '../helpers/dashboard.js';
import { dataset, settle, until } from '../helpers/data.js';

const FIVE_MINUTES = 300_000;

describe('poll-interval of providers sharing a store', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    // Test pages may run in background tabs, which are hidden: polling pauses there.
    sinon.stub(document, 'visibilityState').get(() => 'visible');
    clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  /** The workspace requests after `ms` of polling. */
  async function after(ms: number, requests: sinon.SinonSpy): Promise<number> {
    await clock.tickAsync(ms);
    await settle();
    return requests.callCount;
  }

  it('a dashboard with none inside a provider of the same org polls at the provider’s', async () => {
    const adapter = createMemoryAdapter(dataset('o1'), { live: false });
    const requests = sinon.spy(adapter, 'getWorkspaceStats');
    const provider = await fixture<HTMLElement>(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter} poll-interval=${FIVE_MINUTES}>
        <org-dashboard></org-dashboard>
      </org-dashboard-provider>
    `);
    const dashboard = provider.querySelector('org-dashboard')!;
    await until(() => cardsOf(dashboard).length === 6 && cardsOf(dashboard)[1].state === 'ready', 'ready');
    expect(requests.callCount).to.equal(1);
    expect(await after(60_000, requests), 'one minute: no poll yet').to.equal(1);
    expect(await after(FIVE_MINUTES - 60_000, requests), 'five minutes').to.equal(2);
  });

  it('a second provider with none leaves the first one’s interval, and the default holds once it leaves', async () => {
    const adapter = createMemoryAdapter(dataset('o1'), { live: false });
    const requests = sinon.spy(adapter, 'getWorkspaceStats');
    const host = await fixture<HTMLElement>(
      html`<div>
        <org-dashboard-provider org-id="o1" .adapter=${adapter} poll-interval=${FIVE_MINUTES}
          ><workspace-stats-card></workspace-stats-card
        ></org-dashboard-provider>
        <org-dashboard-provider org-id="o1" .adapter=${adapter}
          ><workspace-stats-card></workspace-stats-card
        ></org-dashboard-provider>
      </div>`,
    );
    const cards = [...host.querySelectorAll<HTMLElement & { state: string }>('workspace-stats-card')];
    await until(() => cards.every((card) => card.state === 'ready'), 'ready');
    expect(await after(60_000, requests), 'one minute').to.equal(1);
    expect(await after(FIVE_MINUTES - 60_000, requests), 'five minutes').to.equal(2);
    // The first provider leaves: nobody asks for an interval, the default of 60 s applies.
    host.querySelector('org-dashboard-provider')!.remove();
    await settle();
    expect(await after(60_000, requests), 'the default once it left').to.equal(3);
  });
});
