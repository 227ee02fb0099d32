/**
 * Credit purchases through the plan card as a viewer makes them, under 1,000 generated runs: each
 * run is a sequence of viewer actions ((+), a pack or a typed amount, Buy, a double click on Buy,
 * Retry, Try again, Close, Escape, the card switched between o1 and o2 mid-flight) mixed with the
 * memory adapter's faults (refusals and transport failures before the charge, transport failures
 * after it that lose the answer, pending purchases, every answer held back until a release).
 *
 * The reference model is the adapter's ledger, the viewer's presses of Buy (each may start one
 * attempt, so no more keys are ever sent than there were presses) and what the card was told: every idempotency key
 * is charged at most once (the ledger holds each key once), each org's ledger adds up to its
 * balance's growth, the card never sends a key while a try of it is under way, never sends one key
 * with two amounts, and `od-credits-purchased` fires exactly once for each key the adapter answered
 * `completed` or `pending`, for the org and amount the ledger charged, and for no other key. At the
 * end (everything released, every purchase delivered, pending ones credited) the card shows the
 * balance of the org it shows as the adapter holds it.
 *
 * Time: the adapter answers in microtasks or when the run releases it, and each step waits for the
 * card's update and one real task, never for a clock; no outcome depends on the machine's speed.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardErrorCode } from '../../src/contract/errors.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import type { CreditsPurchasedEvent } from '../../src/elements/plan-card/plan-card.events.js';
import type { PurchaseController } from '../../src/elements/plan-card/purchase-controller.js';
import { formatMoney } from '../../src/format/format.js';
import { moneyInputText } from '../../src/format/money-input.js';
import { realTask } from '../helpers/clock.js';
import { dataset, until } from '../helpers/data.js';

const RUNS = 1000;
const ORGS = ['o1', 'o2'] as const;
type Org = (typeof ORGS)[number];
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
/** Each org its own packs, so an attempt's amount also says which org's dialog it came from. */
const PACKS: Record<Org, Money[]> = { o1: [usd(10_000), usd(50_000)], o2: [usd(2_500), usd(7_500)] };

/** Refused before anything is charged: a Retry (transport) or Try again (payment-required) follows. */
const BEFORE_CHARGE = ['network', 'timeout', 'rate-limited', 'server', 'payment-required'] as const;
/** Lost after the charge: only transport failures can lose an answer the backend already gave. */
const AFTER_CHARGE = ['network', 'timeout', 'rate-limited', 'server'] as const;

/** A pack of the org's (by index) or an amount typed in the dialog's field. */
type Choice = { pack: number } | { typed: number };

type Action =
  | { kind: 'open' | 'confirm' | 'retry' | 'try-again' | 'close' | 'escape' | 'switch' }
  | { kind: 'choose'; choice: Choice }
  /** The whole way: (+) or Buy more, the choice, then Buy (twice at once: a double click). */
  | { kind: 'buy'; choice: Choice; double: boolean }
  | { kind: 'fail'; code: DashboardErrorCode; times: number; afterHandling: boolean }
  | { kind: 'pending' | 'hold' | 'release' };

const choice: fc.Arbitrary<Choice> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(1).map((pack): Choice => ({ pack })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 99_999 }).map((typed): Choice => ({ typed })) },
);

const viewerAction: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('buy' as const), choice, double: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.constant<Action>({ kind: 'open' }) },
  { weight: 2, arbitrary: choice.map((picked): Action => ({ kind: 'choose', choice: picked })) },
  { weight: 2, arbitrary: fc.constant<Action>({ kind: 'confirm' }) },
  { weight: 5, arbitrary: fc.constant<Action>({ kind: 'retry' }) },
  { weight: 2, arbitrary: fc.constant<Action>({ kind: 'try-again' }) },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'close' }) },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'escape' }) },
  { weight: 2, arbitrary: fc.constant<Action>({ kind: 'switch' }) },
);

const faultAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('fail' as const),
    code: fc.constantFrom<DashboardErrorCode>(...BEFORE_CHARGE),
    times: fc.integer({ min: 1, max: 2 }),
    afterHandling: fc.constant(false),
  }),
  fc.record({
    kind: fc.constant('fail' as const),
    code: fc.constantFrom<DashboardErrorCode>(...AFTER_CHARGE),
    times: fc.integer({ min: 1, max: 2 }),
    afterHandling: fc.constant(true),
  }),
  fc.constant<Action>({ kind: 'pending' }),
  fc.constant<Action>({ kind: 'hold' }),
  fc.constant<Action>({ kind: 'release' }),
);

const actions = fc.array(
  fc.oneof({ weight: 3, arbitrary: viewerAction }, { weight: 1, arbitrary: faultAction }),
  {
    minLength: 1,
    maxLength: 24,
  },
);

/** What the adapter was asked and answered, per key: the card's side of the ledger. */
interface SentKey {
  orgId: string;
  amounts: Money[];
  tries: number;
  answered: ('completed' | 'pending')[];
  refusals: string[];
}

/** The adapter's `purchaseCredits`, watched: every try, and whether two tries of a key overlapped. */
function watchPurchases(adapter: MemoryAdapter) {
  const sent = new Map<string, SentKey>();
  const inFlight = new Set<string>();
  const overlaps: string[] = [];
  const purchase = adapter.purchaseCredits!.bind(adapter);
  const calls = { count: 0 };
  adapter.purchaseCredits = async (orgId, request, options) => {
    calls.count += 1;
    const key = request.idempotencyKey;
    const entry = sent.get(key) ?? { orgId, amounts: [], tries: 0, answered: [], refusals: [] };
    sent.set(key, entry);
    entry.tries += 1;
    entry.amounts.push({ ...request.amount });
    if (entry.orgId !== orgId) overlaps.push(`${key} sent for ${entry.orgId} and ${orgId}`);
    if (inFlight.has(key)) overlaps.push(`${key} sent while a try of it was under way`);
    inFlight.add(key);
    try {
      const answer = await purchase(orgId, request, options);
      if (answer.status !== 'redirect') entry.answered.push(answer.status);
      return answer;
    } catch (error) {
      entry.refusals.push((error as { code: string }).code);
      throw error;
    } finally {
      inFlight.delete(key);
    }
  };
  return { sent, overlaps, calls };
}

/**
 * The viewer's side: how many presses of Buy sent a purchase (a double click is one press). Each
 * may start one attempt; Retry never does, so the keys sent can never outnumber these presses.
 */
interface Presses {
  buys: number;
  /** `purchaseCredits` calls so far: a press sent something if it made one (synchronously). */
  calls: { count: number };
}

/** Presses Buy (twice at once when `double`), counting it if it sent a purchase. */
function pressBuy(el: PlanCard, presses: Presses, double = false): void {
  const before = presses.calls.count;
  const confirm = part(el, 'confirm');
  confirm?.click();
  if (double) confirm?.click();
  if (presses.calls.count > before) presses.buys += 1;
}

const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const dialogOf = (el: PlanCard) => part<HTMLDialogElement>(el, 'purchase-dialog');
/**
 * The card's purchase controller (private to the card, loaded with the dialog on the first press
 * of (+)), for `settled`: every purchase delivered. Undefined while nothing was loaded.
 */
const purchasesOf = (el: PlanCard) =>
  (el as unknown as { writes: { writes?: { purchase: { purchase: PurchaseController } } } }).writes.writes
    ?.purchase.purchase;

/** Picks a pack or types an amount, if the dialog shows the choice. */
async function choose(el: PlanCard, picked: Choice): Promise<void> {
  const radios = dialogOf(el)?.querySelectorAll<HTMLInputElement>('[part~="pack"] input') ?? [];
  // The last radio is "Other"; the ones before it are the packs.
  if (radios.length < 2) return;
  if ('pack' in picked) {
    radios[picked.pack % (radios.length - 1)].click();
    return;
  }
  radios[radios.length - 1].click();
  await el.updateComplete;
  const input = part<HTMLInputElement>(el, 'amount-input');
  if (!input) return;
  input.value = moneyInputText(usd(picked.typed), 'en');
  input.dispatchEvent(new InputEvent('input'));
}

async function perform(
  el: PlanCard,
  adapter: MemoryAdapter,
  presses: Presses,
  action: Action,
): Promise<void> {
  switch (action.kind) {
    case 'open':
      part(el, 'add-credits')?.click();
      break;
    case 'choose':
      await choose(el, action.choice);
      break;
    case 'confirm':
      pressBuy(el, presses);
      break;
    case 'buy': {
      // A dialog that shows an outcome: Buy more after a success, else close it and press (+) again.
      if (dialogOf(el)?.open && !part(el, 'confirm')) {
        (part(el, 'buy-more') ?? part(el, 'close'))?.click();
        await el.updateComplete;
        await realTask();
      }
      if (!dialogOf(el)?.open) part(el, 'add-credits')?.click();
      await el.updateComplete;
      await choose(el, action.choice);
      await el.updateComplete;
      // Both clicks before the card renders again, as a fast double click lands.
      pressBuy(el, presses, action.double);
      break;
    }
    case 'retry':
      part(el, 'retry')?.click();
      break;
    case 'try-again':
      part(el, 'try-again')?.click();
      break;
    case 'close':
      part(el, 'close')?.click();
      break;
    case 'escape':
      if (dialogOf(el)?.open) await sendKeys({ press: 'Escape' });
      break;
    case 'switch':
      el.orgId = el.orgId === 'o1' ? 'o2' : 'o1';
      break;
    case 'fail':
      adapter.failNext('purchaseCredits', action.code, action.times, { afterHandling: action.afterHandling });
      break;
    case 'pending':
      adapter.nextPurchase({ status: 'pending' });
      break;
    case 'hold':
      adapter.hold();
      break;
    case 'release':
      adapter.release();
      break;
  }
  await el.updateComplete;
  // Lets the adapter's answers (microtasks) and the dialog's close event (a task) come through.
  await realTask();
}

describe('plan-card purchases under faults (memory adapter, through the card)', function () {
  // A hang guard only, as long as the test run's own (web-test-runner.config.mjs).
  this.timeout(20 * 60_000);

  it(`${RUNS} generated runs: one charge per key, one event per answered key, the ledger's balance on screen`, async () => {
    const totals = { tries: 0, keys: 0, charges: 0, completed: 0, pending: 0, refusals: 0, switches: 0 };
    await fc.assert(
      fc.asyncProperty(actions, fc.constantFrom<Org>(...ORGS), async (steps, firstOrg) => {
        const data = dataset(...ORGS);
        for (const org of ORGS) data[org].plan.creditPacks = PACKS[org];
        const start = Object.fromEntries(
          ORGS.map((org) => [org, data[org].plan.availableCredits.amountMinor]),
        );
        const adapter = createMemoryAdapter(data);
        const { sent, overlaps, calls } = watchPurchases(adapter);
        const presses: Presses = { buys: 0, calls };
        const events: CreditsPurchasedEvent['detail'][] = [];
        const el = document.createElement('plan-card') as PlanCard;
        el.adapter = adapter;
        el.orgId = firstOrg;
        el.addEventListener('od-credits-purchased', (event) =>
          events.push((event as CreditsPurchasedEvent).detail),
        );
        document.body.append(el);
        try {
          await until(() => el.state === 'ready', 'the card ready');
          await el.updateComplete;
          for (const step of steps) await perform(el, adapter, presses, step);

          // Everything let go: held answers, then pending credits, including those of purchases
          // taken after the first release.
          adapter.release();
          await purchasesOf(el)?.settled();
          adapter.release();
          await el.updateComplete;

          expect(overlaps, 'tries of one key never overlap nor change org').to.deep.equal([]);
          // One attempt per press of Buy at most: a Retry (or a repeat after a lost answer) that
          // sent a new key could charge twice for one purchase, each key only once.
          expect(sent.size, 'no more attempts than presses of Buy').to.be.at.most(presses.buys);
          const eventsByKey = new Map<string, number>();
          for (const event of events)
            eventsByKey.set(event.idempotencyKey, (eventsByKey.get(event.idempotencyKey) ?? 0) + 1);
          for (const org of ORGS) {
            const ledger = adapter.data[org].creditPurchases ?? [];
            const keys = ledger.map((record) => record.idempotencyKey);
            expect(new Set(keys).size, `${org}: each key charged at most once`).to.equal(keys.length);
            const charged = ledger.reduce((sum, record) => sum + record.amount.amountMinor, 0);
            expect(
              ledger.filter((record) => !record.credited).map((r) => r.idempotencyKey),
              `${org}: every charge credited once everything settled`,
            ).to.deep.equal([]);
            expect(
              adapter.data[org].plan.availableCredits.amountMinor - start[org],
              `${org}: the balance grew by what the ledger charged`,
            ).to.equal(charged);
            for (const record of ledger) {
              const key = sent.get(record.idempotencyKey);
              expect(key?.orgId, `${record.idempotencyKey}: charged for the org it was sent for`).to.equal(
                org,
              );
            }
          }
          for (const [key, entry] of sent) {
            const amounts = new Set(
              entry.amounts.map((amount) => `${amount.amountMinor} ${amount.currency}`),
            );
            expect([...amounts], `${key}: every try sends the attempt's amount`).to.have.length(1);
            expect(entry.refusals, `${key}: never a conflict`).to.not.include('conflict');
            const record = (adapter.data[entry.orgId].creditPurchases ?? []).find(
              (r) => r.idempotencyKey === key,
            );
            const fired = events.filter((event) => event.idempotencyKey === key);
            // The card hears an answer only for a key the ledger holds, so the event follows the ledger.
            expect(fired.length, `${key}: od-credits-purchased once for each answered key`).to.equal(
              entry.answered.length > 0 ? 1 : 0,
            );
            if (fired.length === 0) continue;
            expect(record, `${key}: an event only for a key the ledger took`).to.not.equal(undefined);
            expect(fired[0].orgId).to.equal(entry.orgId);
            expect(fired[0].amount).to.deep.equal(record!.amount);
            expect(fired[0].status, `${key}: the event says what the ledger answered`).to.equal(
              record!.answer.status,
            );
          }
          for (const key of eventsByKey.keys())
            expect(sent.has(key), `${key}: an event only for a key the card sent`).to.equal(true);

          const shownOrg = el.orgId as Org;
          const expected = formatMoney(adapter.data[shownOrg].plan.availableCredits, { locale: 'en' });
          const shown = () => part(el, 'credits')?.textContent?.trim();
          // A Retry's answer makes the card read the plan again: wait for that read (a hang guard only).
          await until(
            () => el.state === 'ready' && shown() === expected,
            `${shownOrg}: ${expected} on screen`,
            10_000,
          ).catch(() => undefined);
          expect(shown(), `${shownOrg}: the balance on screen is the adapter's`).to.equal(expected);

          totals.keys += sent.size;
          for (const entry of sent.values()) {
            totals.tries += entry.tries;
            totals.refusals += entry.refusals.length;
          }
          for (const org of ORGS) totals.charges += adapter.data[org].creditPurchases?.length ?? 0;
          totals.completed += events.filter((event) => event.status === 'completed').length;
          totals.pending += events.filter((event) => event.status === 'pending').length;
          totals.switches += steps.filter((step) => step.kind === 'switch').length;
        } finally {
          adapter.release();
          el.remove();
        }
      }),
      { numRuns: RUNS },
    );
    console.log(
      `plan-card purchase faults: ${RUNS} runs, ${totals.keys} keys sent in ${totals.tries} tries ` +
        `(${totals.refusals} failed), ${totals.charges} charges, ${totals.completed} completed and ` +
        `${totals.pending} pending events, ${totals.switches} org switches`,
    );
  });
});
