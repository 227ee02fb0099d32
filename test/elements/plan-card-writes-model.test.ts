/**
 * The plan card's two writes under generated sequences (fast-check) of what the page and the
 * backend do around them that the single-card stress run (test/stress/plan-card-purchase-faults)
 * leaves out: up to three plan cards of one org mounted and removed, `plan:manage` taken away and
 * given back (access fetched again), purchase answers held after the charge, lost after it, or
 * answered with a balance in another currency, and low-credit alert saves and turn-offs.
 *
 * The reference model of the server: a charge per idempotency key, never twice, each key with one
 * amount; a purchase that may have been charged (answer lost or unreadable) is owed its Retry, so no
 * new key is sent for its amount until a purchase of the org goes through; one purchase and one
 * threshold write of the org under way at a time, whichever card sent it. And the screen: never a
 * balance in another currency, no dialog or alert form open for a viewer without `plan:manage`,
 * and once everything settled, the adapter's balance and threshold on every card.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import { DashboardError } from '../../src/contract/errors.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { formatMoney } from '../../src/format/format.js';
import { heldStore } from '../../src/store/registry.js';
import { realTask } from '../helpers/clock.js';
import { ALL_PERMISSIONS, dataset, until } from '../helpers/data.js';
import { part } from '../helpers/plan-card.js';

const RUNS = 80;
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const PACKS = [usd(10_000), usd(50_000)];

type Action =
  | { kind: 'mount' | 'unmount' | 'revoke' | 'grant' | 'lose' | 'euro' | 'hold' | 'release' }
  | { kind: 'open' | 'retry' | 'close' | 'again' | 'alert-off'; card: number }
  /** The whole way to Buy: back to the choice or (+), the pack, then Buy. */
  | { kind: 'buy'; card: number; pack: number }
  | { kind: 'alert-save'; card: number; amount: number };

const card = fc.nat(2);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<Action>({ kind: 'mount' }, { kind: 'unmount' }) },
  { weight: 1, arbitrary: fc.constantFrom<Action>({ kind: 'revoke' }, { kind: 'grant' }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Action>(
      { kind: 'lose' },
      { kind: 'euro' },
      { kind: 'hold' },
      { kind: 'release' },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('open', 'retry', 'close', 'again', 'alert-off'),
      card,
    }) as fc.Arbitrary<Action>,
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('buy' as const), card, pack: fc.nat(1) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('alert-save' as const),
      card,
      amount: fc.integer({ min: 0, max: 900 }),
    }),
  },
);

/** The backend as the model sees it: what was sent and answered, and what broke the rules. */
class Model {
  readonly broken: string[] = [];
  /** Keys sent, with their amount. */
  readonly keys = new Map<string, number>();
  /** Keys charged whose answer the card did not get (lost, or unreadable): each owed its Retry. */
  readonly owed = new Map<string, number>();
  purchasesUnderWay = 0;
  thresholdsUnderWay = 0;
  /** What the next answers do: lost after the charge, or a balance in euros. */
  lose = 0;
  euro = 0;
  #held?: { released: Promise<void>; release: () => void };

  hold(): void {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#held ??= { released, release };
  }

  release(): void {
    this.#held?.release();
    this.#held = undefined;
  }

  get gate(): Promise<void> | undefined {
    return this.#held?.released;
  }

  /** Wraps the adapter's writes: the real backend charges, the model checks and breaks answers. */
  watch(adapter: MemoryAdapter): void {
    const purchase = adapter.purchaseCredits!.bind(adapter);
    adapter.purchaseCredits = async (orgId, request, options) => {
      const { idempotencyKey: key, amount } = request;
      const known = this.keys.get(key);
      if (known !== undefined && known !== amount.amountMinor)
        this.broken.push(`${key} sent with two amounts`);
      if (known === undefined)
        for (const [owedKey, owedAmount] of this.owed)
          if (owedAmount === amount.amountMinor)
            this.broken.push(`new key for ${owedAmount}, owed ${owedKey}`);
      this.keys.set(key, amount.amountMinor);
      if (this.purchasesUnderWay > 0) this.broken.push('two purchases of the org under way');
      this.purchasesUnderWay++;
      try {
        const answer = await purchase(orgId, request, options);
        await this.gate;
        const broken =
          this.lose > 0 ? 'lose' : this.euro > 0 && answer.status === 'completed' ? 'euro' : undefined;
        if (broken === 'lose') this.lose--;
        if (broken === 'euro') this.euro--;
        if (broken && answer.status !== 'redirect') this.owed.set(key, amount.amountMinor);
        else if (answer.status !== 'redirect') this.owed.clear();
        if (broken === 'lose') throw new DashboardError('network', 'The answer was lost.');
        if (broken === 'euro' && answer.status === 'completed')
          return { ...answer, availableCredits: { ...answer.availableCredits, currency: 'EUR' } };
        return answer;
      } finally {
        this.purchasesUnderWay--;
      }
    };
    const setThreshold = adapter.setLowCreditThreshold!.bind(adapter);
    adapter.setLowCreditThreshold = async (orgId, threshold, options) => {
      if (this.thresholdsUnderWay > 0) this.broken.push('two threshold writes of the org under way');
      this.thresholdsUnderWay++;
      try {
        const plan = await setThreshold(orgId, threshold, options);
        await this.gate;
        return plan;
      } finally {
        this.thresholdsUnderWay--;
      }
    };
  }
}

const dialogOf = (el: PlanCard) => part<HTMLDialogElement>(el, 'purchase-dialog');
const textOf = (el: PlanCard, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

async function perform(
  step: Action,
  cards: PlanCard[],
  place: HTMLElement,
  adapter: MemoryAdapter,
  model: Model,
) {
  const el = 'card' in step ? cards[step.card % Math.max(cards.length, 1)] : undefined;
  const may = (manage: boolean) => {
    adapter.data.o1.access.permissions = manage
      ? [...ALL_PERMISSIONS]
      : ALL_PERMISSIONS.filter((permission) => permission !== 'plan:manage');
    return heldStore(adapter, 'o1')?.refresh('access');
  };
  // A step on a card when no card is on the page does nothing.
  if ('card' in step && !el) return;
  switch (step.kind) {
    case 'mount': {
      if (cards.length >= 3) break;
      const made = document.createElement('plan-card') as PlanCard;
      made.orgId = 'o1';
      made.adapter = adapter;
      place.append(made);
      cards.push(made);
      await until(() => made.state !== 'loading', 'a card loaded');
      break;
    }
    case 'unmount':
      cards.shift()?.remove();
      break;
    case 'revoke':
    case 'grant':
      await may(step.kind === 'grant');
      break;
    case 'lose':
      model.lose++;
      break;
    case 'euro':
      model.euro++;
      break;
    case 'hold':
      model.hold();
      break;
    case 'release':
      model.release();
      break;
    case 'open':
      part(el!, 'add-credits')?.click();
      break;
    case 'buy': {
      if (dialogOf(el!)?.open && !part(el!, 'confirm'))
        (part(el!, 'change-amount') ?? part(el!, 'try-again') ?? part(el!, 'buy-more'))?.click();
      if (!dialogOf(el!)?.open) part(el!, 'add-credits')?.click();
      await until(() => !part(el!, 'add-credits') || dialogOf(el!)?.open === true, 'the dialog', 5_000).catch(
        () => undefined,
      );
      await el!.updateComplete;
      dialogOf(el!)?.querySelectorAll<HTMLInputElement>('[part~="pack"] input')[step.pack]?.click();
      await el!.updateComplete;
      part(el!, 'confirm')?.click();
      break;
    }
    case 'retry':
      part(el!, 'retry')?.click();
      break;
    case 'close':
      (part(el!, 'close') ?? dialogOf(el!)?.querySelector<HTMLElement>('[part~="cancel"]'))?.click();
      break;
    case 'again':
      (part(el!, 'change-amount') ?? part(el!, 'try-again') ?? part(el!, 'buy-more'))?.click();
      break;
    case 'alert-save': {
      if (!part(el!, 'alert-form')) part(el!, 'alert-change')?.click();
      await el!.updateComplete;
      const input = part(el!, 'alert-form')?.querySelector('input');
      if (!input) break;
      input.value = String(step.amount);
      input.dispatchEvent(new InputEvent('input'));
      await el!.updateComplete;
      part(el!, 'alert-save')?.click();
      break;
    }
    case 'alert-off':
      part(el!, 'alert-off')?.click();
      break;
  }
  for (const shown of cards) await shown.updateComplete;
  await realTask();
}

describe('<plan-card> writes against a model of the server (fast-check)', function () {
  this.timeout(10 * 60_000);

  it(`${RUNS} generated runs: a charge per key, never twice; one write of the org at a time; the screen follows`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 24 }), async (steps) => {
        const data = dataset('o1');
        data.o1.plan.creditPacks = PACKS;
        const start = data.o1.plan.availableCredits.amountMinor;
        const adapter = createMemoryAdapter(data);
        const model = new Model();
        model.watch(adapter);
        const place = await fixture<HTMLElement>(html`<div></div>`);
        const cards: PlanCard[] = [];
        const seen: string[] = [];
        const watchScreen = new MutationObserver(() => {
          for (const el of cards)
            for (const name of ['credits', 'purchase-status', 'balance'])
              if (textOf(el, name)?.includes('€')) seen.push(`a balance in euros: ${textOf(el, name)}`);
        });
        /** After each step, every card rendered: nothing open for a viewer the card knows may not act. */
        const look = () => {
          const manage = heldStore(adapter, 'o1')?.get('access').data?.permissions.includes('plan:manage');
          for (const el of cards)
            if (manage === false && (dialogOf(el)?.open || part(el, 'alert-form')))
              seen.push('a dialog or form open without plan:manage');
        };
        watchScreen.observe(place, { subtree: true, childList: true, characterData: true, attributes: true });
        try {
          // Two cards of the org to begin with: most of what can go wrong between cards needs both.
          await perform({ kind: 'mount' }, cards, place, adapter, model);
          await perform({ kind: 'mount' }, cards, place, adapter, model);
          for (const step of steps) {
            await perform(step, cards, place, adapter, model);
            look();
          }
          model.release();
          await until(
            () => model.purchasesUnderWay === 0 && model.thresholdsUnderWay === 0,
            'writes settled',
          );
          for (const el of cards) await el.updateComplete;
          await realTask();
          watchScreen.disconnect();

          expect(model.broken, 'the server’s rules').to.deep.equal([]);
          expect([...new Set(seen)], 'the screen').to.deep.equal([]);
          const ledger = adapter.data.o1.creditPurchases ?? [];
          const keys = ledger.map((record) => record.idempotencyKey);
          expect(new Set(keys).size, 'each key charged once at most').to.equal(keys.length);
          const charged = ledger.reduce((sum, record) => sum + record.amount.amountMinor, 0);
          expect(adapter.data.o1.plan.availableCredits.amountMinor - start, 'the balance').to.equal(charged);

          const plan = adapter.data.o1.plan;
          const balance = formatMoney(plan.availableCredits, { locale: 'en' });
          const threshold = plan.lowCreditThreshold
            ? formatMoney(plan.lowCreditThreshold, { locale: 'en' })
            : 'Off';
          const onScreen = () =>
            cards
              .filter((el) => el.state === 'ready' || el.state === 'stale')
              .map((el) => `${textOf(el, 'credits')} ${textOf(el, 'alert') ?? threshold}`);
          await until(
            () => onScreen().every((text) => text === `${balance} ${threshold}`),
            'every card shows the adapter’s balance and threshold',
            10_000,
          ).catch(() => undefined);
          expect(onScreen().filter((text) => text !== `${balance} ${threshold}`)).to.deep.equal([]);
        } finally {
          model.release();
          watchScreen.disconnect();
          for (const el of cards) el.remove();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
