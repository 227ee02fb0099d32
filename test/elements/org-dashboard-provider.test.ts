import { elementUpdated, expect, fixture, html, nextFrame } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import type { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { dataset, settle, until } from '../helpers/data.js';

const nameOf = (card: OrgInfoCard) => card.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim();

/** A provider for org `o1` on `adapter` around one `<org-info-card>`. */
const providerWithCard = (adapter: MemoryAdapter) =>
  fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter}
      ><org-info-card></org-info-card
    ></org-dashboard-provider>
  `);

describe('<org-dashboard-provider>', () => {
  afterEach(() => sinon.restore());

  it('renders no UI of its own', async () => {
    const provider = await fixture<OrgDashboardProvider>(
      html`<org-dashboard-provider></org-dashboard-provider>`,
    );
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('leaves its cards alone on an update that changes none of their settings', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const provider = await providerWithCard(adapter);
    const card = provider.querySelector('org-info-card')!;
    await until(() => card.state === 'ready');
    await card.updateComplete;
    const renders = sinon.spy(card, 'render');
    // Each change on its own: a card may hold a render for the next frame, which would merge them.
    const applied = async () => {
      await elementUpdated(provider);
      await nextFrame();
      await card.updateComplete;
    };
    provider.pollInterval = 60_000;
    await applied();
    expect(renders.callCount, 'the poll interval is the store’s, not the cards’').to.equal(0);
    provider.strings = { retry: 'Try again' };
    await applied();
    expect(renders.callCount, 'new strings').to.equal(1);
    provider.strings = { retry: 'Try again' };
    await applied();
    expect(renders.callCount, 'the same strings in a new object').to.equal(1);
    provider.locale = 'de-DE';
    await applied();
    expect(renders.callCount, 'another locale').to.equal(2);
  });

  it('serves many cards with one request per resource, access loaded once', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const org = sinon.spy(adapter, 'getOrganization');
    const access = sinon.spy(adapter, 'getAccess');
    const provider = await fixture<OrgDashboardProvider>(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter}>
        <org-info-card></org-info-card>
        <org-info-card></org-info-card>
      </org-dashboard-provider>
    `);
    const cards = [...provider.querySelectorAll('org-info-card')];
    await until(() => cards.every((c) => c.state === 'ready'));
    expect(org.callCount).to.equal(1);
    expect(access.callCount).to.equal(1);
    expect(adapter.subscriberCount).to.equal(1);
  });

  it('on an org switch aborts what is in flight and only ever shows the last org', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2', 'o3'));
    // Every switch lands while the previous org's requests are still unanswered, however slow the
    // machine; they are answered (and must be thrown away) only after the last switch.
    adapter.hold();
    const org = sinon.spy(adapter, 'getAccess');
    const provider = await providerWithCard(adapter);
    const card = provider.querySelector('org-info-card')!;
    const shown = new Set<string>();
    const observer = new MutationObserver(() => {
      const name = nameOf(card);
      if (name) shown.add(name);
    });
    observer.observe(card.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await settle(1);
    provider.orgId = 'o2';
    await settle(1);
    provider.orgId = 'o3';
    await settle(1);
    adapter.release();
    await until(() => card.state === 'ready');
    observer.disconnect();
    expect(nameOf(card)).to.equal('Org o3');
    expect([...shown]).to.deep.equal(['Org o3']);
    const signals = org
      .getCalls()
      .map((call) => ({ org: call.args[0], aborted: call.args[1]?.signal?.aborted }));
    expect(signals.filter((s) => s.org !== 'o3').every((s) => s.aborted)).to.equal(true);
    expect(signals.find((s) => s.org === 'o3')?.aborted).to.equal(false);
  });

  it('shows a new org as loading, never the previous one, when the adapter changes', async () => {
    const first = createMemoryAdapter(dataset('o1'));
    const second = createMemoryAdapter(dataset('o1'));
    second.hold();
    second.data.o1.organization.name = 'Second backend';
    const provider = await providerWithCard(first);
    const card = provider.querySelector('org-info-card')!;
    await until(() => card.state === 'ready');
    provider.adapter = second;
    await elementUpdated(provider);
    await elementUpdated(card);
    expect(card.state).to.equal('loading');
    second.release();
    await until(() => card.state === 'ready');
    expect(nameOf(card)).to.equal('Second backend');
  });

  it('closes the live connection and aborts requests when removed from the page', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const provider = await providerWithCard(adapter);
    await until(() => adapter.subscriberCount === 1);
    adapter.setDelay(500);
    const spy = sinon.spy(adapter, 'getOrganization');
    void provider.dataStore!.refresh('organization');
    await until(() => spy.callCount === 1);
    provider.remove();
    await settle();
    expect(adapter.subscriberCount).to.equal(0);
    expect(spy.firstCall.args[1]?.signal?.aborted).to.equal(true);
  });

  it('keeps its data when moved within the page', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const provider = await providerWithCard(adapter);
    const card = provider.querySelector('org-info-card')!;
    await until(() => card.state === 'ready');
    const spy = sinon.spy(adapter, 'getOrganization');
    const host = document.createElement('div');
    document.body.append(host);
    host.append(provider);
    await elementUpdated(card);
    await settle();
    expect(card.state).to.equal('ready');
    expect(spy.callCount).to.equal(0);
    host.remove();
  });

  it('passes settings to nested providers that do not set their own', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'));
    const outer = await fixture<OrgDashboardProvider>(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="de-DE">
        <org-dashboard-provider org-id="o2"><org-info-card></org-info-card></org-dashboard-provider>
      </org-dashboard-provider>
    `);
    const card = outer.querySelector('org-info-card')!;
    await until(() => card.state === 'ready');
    expect(nameOf(card)).to.equal('Org o2');
    expect(card.shadowRoot!.querySelector('[part~="team-size"]')!.textContent!.trim()).to.equal(
      '1.234 Mitglieder',
    );
  });
});
