/**
 * Settings that change while something is still on its way: a locale changed again while its
 * catalog loads or before the render it let through, and properties a host set on an element before its tag was defined (Lit gives
 * them to the element only at its first update).
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { registerLocale } from '../../src/i18n/catalogs.js';
import { runInSlice } from '../../src/base/task-slices.js';
import { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { dataset, settle, until } from '../helpers/data.js';
import * as german from '../../src/locales/de.js';
import * as french from '../../src/locales/fr.js';

type Card = HTMLElement & {
  state: string;
  updateComplete: Promise<boolean>;
  locale?: string;
  orgId?: string;
};

const text = (card: HTMLElement) => card.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const langOf = (card: HTMLElement) => card.shadowRoot!.querySelector('[lang]')?.getAttribute('lang');

/**
 * A catalog loader for `locale` that answers only when `release` is called, with the module already
 * here: from then on the catalog arrives in microtasks, with no task between.
 */
function heldCatalog(locale: 'de' | 'fr'): () => void {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  registerLocale(locale, () => held.then(() => (locale === 'de' ? german : french)));
  return release;
}

/** A provider for o1 on the page, updated, with nothing in it yet. */
async function emptyProvider(adapter: ReturnType<typeof createMemoryAdapter>): Promise<OrgDashboardProvider> {
  const provider = await fixture<OrgDashboardProvider>(
    html`<org-dashboard-provider org-id="o1" .adapter=${adapter}></org-dashboard-provider>`,
  );
  await provider.updateComplete;
  await settle(3);
  return provider;
}

let lateTags = 0;
/** A plan card class registered under a new tag only after `before` ran on the undefined element. */
function upgradedPlanCard(parent: HTMLElement, before: (el: Card & { data?: unknown }) => void): Card {
  lateTags += 1;
  const tag = `late-plan-card-${lateTags}`;
  const el = document.createElement(tag) as Card & { data?: unknown };
  before(el);
  parent.append(el);
  customElements.define(tag, class extends PlanCard {});
  return el;
}

describe('settings changed while something is on its way', () => {
  afterEach(() => {
    sinon.restore();
    registerLocale('de', () => import('../../src/locales/de.js'));
    registerLocale('fr', () => import('../../src/locales/fr.js'));
  });

  it('locale de (catalog still loading) then fr: the card ends in French', async () => {
    const releaseDe = heldCatalog('de');
    const releaseFr = heldCatalog('fr');
    const adapter = createMemoryAdapter(dataset('o1'));
    const card = await fixture<Card>(
      html`<org-info-card org-id="o1" locale="en-US" .adapter=${adapter}></org-info-card>`,
    );
    await until(() => card.state === 'ready', 'ready');
    await card.updateComplete;
    card.locale = 'de';
    await settle(2);
    card.locale = 'fr';
    await settle(2);
    releaseDe();
    await settle(2);
    releaseFr();
    await card.updateComplete;
    await settle(3);
    await card.updateComplete;
    expect(
      `${langOf(card)} | ${text(card).includes('Propriétaire') ? 'French texts' : 'not French'}`,
    ).to.equal('fr | French texts');
  });

  it('locale changed after the wait for a catalog, before the render it let through: no render in English', async () => {
    const releaseDe = heldCatalog('de');
    const releaseFr = heldCatalog('fr');
    const adapter = createMemoryAdapter(dataset('o1'));
    adapter.hold();
    const provider = fixtureSync<OrgDashboardProvider>(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}
        ><org-info-card locale="de"></org-info-card
      ></org-dashboard-provider>`,
    );
    const card = provider.querySelector<Card>('org-info-card')!;
    await settle(2);
    // Renders in this task's slice, one waiting for a later task (as a dashboard's other cards do):
    // the card's goes after it.
    runInSlice(() => undefined);
    void runInSlice(() => undefined, { defer: true });
    releaseDe();
    // German is in (microtasks only), its render waits for a later task; then French is asked for.
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
    card.locale = 'fr';
    await settle(3);
    const beforeFrench = langOf(card) ?? 'nothing rendered';
    releaseFr();
    adapter.release();
    await until(() => card.state === 'ready', 'ready');
    await card.updateComplete;
    expect(`${beforeFrench} | ${langOf(card)} | ${text(card).includes('Propriétaire')}`).to.equal(
      'nothing rendered | fr | true',
    );
  });

  it('controlled data set before the tag is defined, inside a provider: nothing is fetched', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const getPlan = sinon.spy(adapter, 'getPlan');
    const provider = await emptyProvider(adapter);
    const el = upgradedPlanCard(provider, (card) => {
      card.data = { name: 'Host plan', availableCredits: { amountMinor: 100, currency: 'USD' } };
    });
    await until(() => el.state === 'ready', 'ready');
    await el.updateComplete;
    await settle(5);
    expect(`${text(el).includes('Host plan')} | getPlan calls: ${getPlan.callCount}`).to.equal(
      'true | getPlan calls: 0',
    );
  });

  it('own org-id property set before the tag is defined, in a provider of another org: only its own org is asked', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'));
    const getPlan = sinon.spy(adapter, 'getPlan');
    const provider = await emptyProvider(adapter);
    const el = upgradedPlanCard(provider, (card) => {
      card.orgId = 'o2';
    });
    await until(() => el.state === 'ready', 'ready');
    await settle(5);
    expect(getPlan.args.map((args) => args[0]).join(','), 'getPlan calls').to.equal('o2');
  });

  it('a card upgraded in a provider with no properties set before still binds at once', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const getPlan = sinon.spy(adapter, 'getPlan');
    const provider = await emptyProvider(adapter);
    const el = upgradedPlanCard(provider, () => undefined);
    // The binding comes a microtask after the element connects, before its first render.
    for (let i = 0; i < 3; i += 1) await Promise.resolve();
    const bound = (el as unknown as { source: { store?: object } }).source.store !== undefined;
    await until(() => el.state === 'ready', 'ready');
    await settle(3);
    expect(
      `bound before rendering: ${bound} | getPlan: ${getPlan.args.map((args) => args[0]).join(',')}`,
    ).to.equal('bound before rendering: true | getPlan: o1');
  });
});
