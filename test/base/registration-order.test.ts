/**
 * Defect 6 of issue #11: per-element `define/*` entries load in any order, and partners register
 * the classes under their own tags when they like. A card upgraded before its provider's class is
 * registered must still find the provider once it is, instead of loading forever.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { dataset, until } from '../helpers/data.js';

let serial = 0;
/** A fresh tag per test: a class can be registered once, so each test registers subclasses. */
const uniqueTag = (name: string) => `late-${name}-${(serial += 1)}`;

describe('registration order', () => {
  it('cards registered before the provider load once the provider is registered', async () => {
    const providerTag = uniqueTag('provider');
    const cardTag = uniqueTag('org-info');
    customElements.define(cardTag, class extends OrgInfoCard {});
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const adapter = createMemoryAdapter(dataset('o1'));
    const provider = document.createElement(providerTag) as OrgDashboardProvider;
    provider.setAttribute('org-id', 'o1');
    provider.append(document.createElement(cardTag));
    host.append(provider);
    const card = provider.firstElementChild as OrgInfoCard;
    expect(card.state, 'no provider yet: the card waits').to.equal('loading');

    customElements.define(providerTag, class extends OrgDashboardProvider {});
    provider.adapter = adapter;
    await until(() => card.state === 'ready', 'the card to load from the late provider');
    expect(card.shadowRoot!.textContent).to.include('Org o1');
  });

  it('a card inside a partner wrapper whose shadow root holds the provider', async () => {
    const providerTag = uniqueTag('provider');
    const cardTag = uniqueTag('plan');
    customElements.define(cardTag, class extends PlanCard {});
    const adapter = createMemoryAdapter(dataset('o2'));
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const provider = document.createElement(providerTag) as OrgDashboardProvider;
    provider.setAttribute('org-id', 'o2');
    const card = document.createElement(cardTag) as PlanCard;
    provider.append(card);
    root.append(provider);

    customElements.define(providerTag, class extends OrgDashboardProvider {});
    provider.adapter = adapter;
    await until(() => card.state === 'ready', 'the plan card to load');
  });
});
