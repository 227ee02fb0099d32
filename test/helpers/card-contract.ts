/**
 * The contract every data card keeps (DESIGN.md, "States"; ARCHITECTURE.md, "Card state for hosts"),
 * written once and run for each card, as Shoelace's form-control base tests are for its form
 * controls: the six states and their CSS custom states, the three modes, access (notice, hide, a
 * 403), staleness (a failed refresh, a live outage), `od-error`, `lang`/`dir`, the heading level,
 * and axe in every state. A card's own test file keeps only what is particular to it.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { OrgDataset } from '../../src/adapters/dataset.js';
import type { MemoryAdapterMethod } from '../../src/adapters/memory.js';
import { READ_PERMISSION } from '../../src/contract/access.js';
import type { DashboardErrorCode } from '../../src/contract/errors.js';
import type { DashboardTopic } from '../../src/contract/types.js';
import { acquireStore, releaseStore } from '../../src/store/registry.js';
import { settle } from './data.js';
import {
  box,
  cardFixtures,
  CARD_STATES,
  clean,
  expectState,
  partText,
  reach,
  root,
  watchErrors,
  type CardElement,
} from './card-fixtures.js';
import { describeCardBox } from './card-box.js';

export interface LoadingCase {
  /** Added to the test's name. */
  name?: string;
  /** The card's width in pixels (else the page's). */
  width?: number;
  /** Changes the org before it loads. */
  prepare?: (org: OrgDataset) => void;
  /** Checks what only this case shows once ready. */
  check?: (card: CardElement) => void;
}

export interface CardContract {
  tag: string;
  /** The card's resource: also its live topic, and so its read permission. */
  resource: DashboardTopic;
  /** The memory adapter's method that fetches it. */
  method: MemoryAdapterMethod;
  /** Makes the shared test org (`dataset('o1')`) one the card shows as ready. */
  prepare?: (org: OrgDataset) => void;
  /** A short reading of the data on screen, to compare ("Org o1", the ids of a list). */
  shown: (card: CardElement) => string | undefined;
  /** `shown` for the prepared org (by id, for cards that show it). */
  readyShows: string | ((orgId: string) => string);
  /** The loading skeleton: elements matching `selector`, exactly `count` or at least `atLeast`. */
  skeleton: { selector: string; count?: number; atLeast?: number };
  /** Loading cases (widths, data shapes) whose skeleton must match the final size; default one. */
  loadingCases?: LoadingCase[];
  /** Controlled `data` and what `shown` reads for it. */
  controlled: { data: unknown; shows: string };
  /** Controlled `data` that breaks the contract, and the `path` the typed error names. */
  invalid: { data: unknown; path?: string };
  /**
   * For cards that can be empty: an org with nothing to show, the same as controlled `data`, the
   * message, and what an empty card leaves out (a selector).
   */
  empty?: { prepare: (org: OrgDataset) => void; data: unknown; text: string; hides?: string };
  /** Clears what a card keeps between tests (the announcements' dismissals). */
  reset?: () => void;
}

const NO_ACCESS_TEXT = 'Ask your organization owner or administrator for access.';

export function runCardContract(contract: CardContract): void {
  const { tag, resource, method } = contract;
  const permission = READ_PERMISSION[resource];
  const readyShows = (orgId = 'o1') =>
    typeof contract.readyShows === 'string' ? contract.readyShows : contract.readyShows(orgId);

  const { adapterFor, create, inProvider, alone } = cardFixtures(tag, contract.prepare);

  /** The card in a provider on `adapter`, once it is in `state`, shown as that custom state alone. */
  const shownIn = async (state: (typeof CARD_STATES)[number], adapter: ReturnType<typeof adapterFor>) => {
    const card = await inProvider(adapter);
    await reach(card, state);
    expectState(card, state);
    return card;
  };
  /** An adapter whose next request for the resource fails with `code`. */
  const failingOnce = (code: DashboardErrorCode) => {
    const adapter = adapterFor();
    adapter.failNext(method, code);
    return adapter;
  };

  describe(`<${tag}> keeps the card contract`, () => {
    let errors: ReturnType<typeof watchErrors>;
    beforeEach(() => {
      contract.reset?.();
      errors = watchErrors();
    });
    afterEach(() => {
      errors.stop();
      sinon.restore();
      contract.reset?.();
    });

    describe('states', () => {
      for (const loading of contract.loadingCases ?? [{}]) {
        const named = [loading.name, loading.width && `${loading.width}px wide`].filter(Boolean).join(', ');
        it(`loading: a busy skeleton of the final size, so nothing moves${named ? ` (${named})` : ''}`, async () => {
          const adapter = adapterFor(loading.prepare);
          // No answer until the skeleton has been measured, however slow the machine.
          adapter.hold();
          const card = create({}, loading.width ? { style: `width: ${loading.width}px` } : {});
          await inProvider(adapter, { card });
          expectState(card, 'loading');
          expect(box(card)!.getAttribute('aria-busy')).to.equal('true');
          const { selector, count, atLeast } = contract.skeleton;
          const placeholders = root(card).querySelectorAll(selector).length;
          if (count !== undefined) expect(placeholders, selector).to.equal(count);
          if (atLeast !== undefined) expect(placeholders, selector).to.be.at.least(atLeast);
          await expect(card).to.be.accessible();
          const loadingHeight = card.getBoundingClientRect().height;
          adapter.release();
          await reach(card, 'ready');
          expect(box(card)!.getAttribute('aria-busy')).to.equal('false');
          expect(card.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 1);
          if (loading.width) expect(card.getBoundingClientRect().width).to.be.at.most(loading.width);
          loading.check?.(card);
        });
      }

      it('ready: shows its data inside a provider', async () => {
        const card = await shownIn('ready', adapterFor());
        expect(contract.shown(card)).to.equal(readyShows());
        expect(errors.codes()).to.deep.equal([]);
        await expect(card).to.be.accessible();
      });

      if (contract.empty) {
        const empty = contract.empty;
        it('empty: says so, in words the `empty` slot can replace', async () => {
          const card = await shownIn('empty', adapterFor(empty.prepare));
          expect(partText(card, 'empty')).to.equal(empty.text);
          if (empty.hides) expect(root(card).querySelector(empty.hides), empty.hides).to.equal(null);
          expect(root(card).textContent).to.not.match(/NaN|Infinity|undefined/);
          await expect(card).to.be.accessible();

          const slotted = create({ data: empty.data });
          slotted.innerHTML = '<p slot="empty">Nothing here yet</p>';
          await fixture(html`${slotted}`);
          expectState(slotted, 'empty');
          const slot = root(slotted).querySelector<HTMLSlotElement>('slot[name="empty"]')!;
          expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Nothing here yet']);
        });
      }

      it('error: says what failed with Retry, fires od-error once, and recovers', async () => {
        const card = await shownIn('error', failingOnce('server'));
        expect(card.error?.code).to.equal('server');
        expect(clean(root(card).querySelector('[role="alert"]')?.textContent)).to.contain('Couldn’t load');
        expect(errors.codes()).to.deep.equal([['server', resource, 'o1']]);
        await expect(card).to.be.accessible();
        root(card).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await reach(card, 'ready');
        expect(contract.shown(card)).to.equal(readyShows());
        expect(errors.codes()).to.have.length(1);
      });

      it('stale: a failed refresh keeps the data, with a note, Retry and od-error', async () => {
        const adapter = adapterFor();
        const card = await inProvider(adapter);
        await reach(card, 'ready');
        adapter.failNext(method, 'server');
        const store = acquireStore(adapter, 'o1');
        try {
          await store.refresh(resource);
        } finally {
          releaseStore(store);
        }
        await reach(card, 'stale');
        expectState(card, 'stale');
        expect(card.error?.code).to.equal('server');
        expect(contract.shown(card)).to.equal(readyShows());
        expect(partText(card, 'stale')).to.match(/Last updated \d{1,2}:\d{2}/);
        expect(root(card).querySelector('[part~="error"]')).to.equal(null);
        expect(errors.codes()).to.deep.equal([['server', resource, 'o1']]);
        await expect(card).to.be.accessible();
        root(card).querySelector<HTMLButtonElement>('[part~="stale"] [part~="retry"]')!.click();
        await reach(card, 'ready');
        expect(root(card).querySelector('[part~="stale"]')).to.equal(null);
      });

      it('stale: a live outage keeps the data with a "last updated" note, until it comes back', async () => {
        const adapter = adapterFor();
        const card = await inProvider(adapter);
        await reach(card, 'ready');
        adapter.disconnect();
        await reach(card, 'stale');
        expectState(card, 'stale');
        expect(contract.shown(card)).to.equal(readyShows());
        expect(partText(card, 'stale')).to.match(/Last updated \d{1,2}:\d{2}/);
        await expect(card).to.be.accessible();
        adapter.reconnect();
        await reach(card, 'ready');
        expect(errors.codes()).to.deep.equal([]);
      });
    });

    describe('access', () => {
      it(`no access: a notice without ${permission}, no request, no od-error; nothing with access-denied="hide"`, async () => {
        const adapter = adapterFor((org) => {
          org.access.permissions = org.access.permissions.filter((p) => p !== permission);
        });
        const fetch = sinon.spy(adapter, method);
        const card = await shownIn('no-access', adapter);
        expect(partText(card, 'no-access')).to.equal(NO_ACCESS_TEXT);
        expect(fetch.callCount).to.equal(0);
        expect(errors.codes()).to.deep.equal([]);
        await expect(card).to.be.accessible();
        card.accessDenied = 'hide';
        await elementUpdated(card);
        expect(getComputedStyle(card).display).to.equal('none');
        expect(card.matches(':state(access-hidden)')).to.equal(true);
      });

      it('no access: hidden from the start by the provider’s access-denied="hide"', async () => {
        const adapter = adapterFor((org) => {
          org.access.permissions = org.access.permissions.filter((p) => p !== permission);
        });
        const card = await inProvider(adapter, { accessDenied: 'hide' });
        await reach(card, 'no-access');
        expect(getComputedStyle(card).display).to.equal('none');
        expect(card.getBoundingClientRect().height).to.equal(0);
      });

      it('no access: a 403 from the adapter means no access, not an error', async () => {
        const card = await shownIn('no-access', failingOnce('forbidden'));
        expect(partText(card, 'no-access')).to.equal(NO_ACCESS_TEXT);
        expect(root(card).querySelector('[part~="retry"]')).to.equal(null);
        expect(errors.codes()).to.deep.equal([]);
      });
    });

    describe('modes', () => {
      it('standalone: fetches with its own org-id and adapter', async () => {
        const adapter = adapterFor(undefined, 'o2');
        const fetch = sinon.spy(adapter, method);
        const card = await alone({ orgId: 'o2', adapter });
        await reach(card, 'ready');
        expect(contract.shown(card)).to.equal(readyShows('o2'));
        expect(fetch.args.map((args) => args[0])).to.deep.equal(['o2']);
      });

      it('standalone: its own org-id wins over the provider’s', async () => {
        const adapter = adapterFor(undefined, 'o2');
        const fetch = sinon.spy(adapter, method);
        const card = await inProvider(adapter, { card: create({ orgId: 'o2' }) });
        await reach(card, 'ready');
        expect(contract.shown(card)).to.equal(readyShows('o2'));
        expect(fetch.args.map((args) => args[0])).to.deep.equal(['o2']);
      });

      it('controlled: renders the data it is given and fetches nothing, firing nothing', async () => {
        const adapter = adapterFor();
        const fetches = [sinon.spy(adapter, method), sinon.spy(adapter, 'getAccess')];
        const card = await alone({ orgId: 'o1', adapter, data: contract.controlled.data });
        expectState(card, 'ready');
        expect(contract.shown(card)).to.equal(contract.controlled.shows);
        await settle();
        expect(fetches.map((spy) => spy.callCount)).to.deep.equal([0, 0]);
        expect(adapter.subscriberCount).to.equal(0);
        await expect(card).to.be.accessible();
      });

      it('controlled in a provider: data set just after the card is added (plain DOM code, Angular) fetches nothing', async () => {
        const adapter = adapterFor();
        const fetch = sinon.spy(adapter, method);
        // The provider loads the viewer's access itself; the card must add nothing to it.
        const provider = await fixture(html`
          <org-dashboard-provider
            org-id="o1"
            .adapter=${adapter}
            locale="en-US"
            time-zone="UTC"
          ></org-dashboard-provider>
        `);
        await settle();
        const subscriptions = adapter.subscriberCount;
        const card = create();
        provider.append(card);
        card.data = contract.controlled.data;
        await reach(card, 'ready');
        expect(contract.shown(card)).to.equal(contract.controlled.shows);
        await settle();
        expect(fetch.callCount).to.equal(0);
        expect(adapter.subscriberCount).to.equal(subscriptions);
      });

      it('controlled: invalid data is an error state with a typed error, no Retry and no od-error', async () => {
        const card = await alone({ data: contract.invalid.data });
        expectState(card, 'error');
        expect(card.error?.code).to.equal('invalid-data');
        if (contract.invalid.path !== undefined) expect(card.error?.path).to.equal(contract.invalid.path);
        expect(root(card).querySelector('[part~="retry"]')).to.equal(null);
        expect(root(card).textContent).to.not.match(/NaN|Infinity|undefined/);
        await settle();
        expect(errors.codes()).to.deep.equal([]);
        await expect(card).to.be.accessible();
      });

      it('without data, org-id or adapter: the loading skeleton, waiting for them', async () => {
        const card = await alone({});
        await settle();
        expectState(card, 'loading');
      });
    });

    describeCardBox(create, contract.controlled.data);
  });
}
