import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import { LitElement, type PropertyDeclarations, type ReactiveControllerHost } from 'lit';
import type sinon from 'sinon';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardErrorCode } from '../../src/contract/errors.js';
import type { CreditPurchaseRequest, Money, PlanSummary } from '../../src/contract/types.js';
import {
  LowCreditThresholdController,
  PurchaseController,
  type ThresholdOutcome,
} from '../../src/elements/plan-card/purchase-controller.js';
import type { PurchaseOutcome } from '../../src/elements/plan-card/purchase-flow.js';
import { fakeTimeoutsEachTest, realTask } from '../helpers/clock.js';
import { dataset, settle } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
/** `orgDataset`'s balance: 500.00 USD. */
const START = 50_000;

interface Call extends CreditPurchaseRequest {
  orgId: string;
  options: unknown;
}

/** A memory adapter over `o1` and `o2` whose purchase calls are recorded as sent. */
function spiedAdapter(): { adapter: MemoryAdapter; calls: Call[] } {
  const adapter = createMemoryAdapter(dataset('o1', 'o2'));
  const calls: Call[] = [];
  const purchase = adapter.purchaseCredits!.bind(adapter);
  adapter.purchaseCredits = (orgId, request, options) => {
    calls.push({ orgId, ...request, options });
    return purchase(orgId, request, options);
  };
  return { adapter, calls };
}

const balance = (adapter: MemoryAdapter, orgId = 'o1') =>
  adapter.data[orgId].plan.availableCredits.amountMinor;
const ledger = (adapter: MemoryAdapter, orgId = 'o1') => adapter.data[orgId].creditPurchases ?? [];

/** A card-like host: the writes' controllers over its `adapter` and `orgId`. */
class PurchaseHost extends LitElement {
  static override properties: PropertyDeclarations = { orgId: { attribute: false } };
  orgId = 'o1';
  adapter?: MemoryAdapter;
  outcomes: PurchaseOutcome[] = [];
  saved: ThresholdOutcome[] = [];
  readonly purchases = new PurchaseController(this, {
    adapter: () => this.adapter,
    orgId: () => this.orgId,
    onOutcome: (outcome) => this.outcomes.push(outcome),
  });
  readonly threshold = new LowCreditThresholdController(this, {
    adapter: () => this.adapter,
    orgId: () => this.orgId,
    onSaved: (outcome) => this.saved.push(outcome),
  });
}
customElements.define('test-purchase-host', PurchaseHost);

async function host(): Promise<{ el: PurchaseHost; adapter: MemoryAdapter; calls: Call[] }> {
  const { adapter, calls } = spiedAdapter();
  const el = await fixture<PurchaseHost>(html`<test-purchase-host .adapter=${adapter}></test-purchase-host>`);
  return { el, adapter, calls };
}

/** Opens the dialog afresh (from what it showed: a result, a failure, closed), picks `amount` and confirms it. */
function buy(el: PurchaseHost, amount: Money): boolean {
  el.purchases.close();
  el.purchases.open();
  el.purchases.edit();
  el.purchases.choosePack(amount);
  return el.purchases.submit();
}

describe('PurchaseController', () => {
  it('goes idle, editing, submitting, completed; the outcome carries the org and the new balance', async () => {
    const { el, adapter, calls } = await host();
    expect(el.purchases.state).to.deep.equal({ status: 'idle' });
    el.purchases.open();
    expect(el.purchases.state).to.deep.equal({ status: 'editing', orgId: 'o1' });
    el.purchases.typeAmount('1.234,5', 'USD', 'de');
    expect(el.purchases.submit()).to.equal(true);
    expect(el.purchases.state.status).to.equal('submitting');
    await el.purchases.settled();
    expect(el.purchases.state).to.include({ status: 'completed' });
    expect(el.outcomes).to.have.length(1);
    expect(el.outcomes[0]).to.deep.include({ orgId: 'o1', status: 'completed', replayed: false });
    expect(el.outcomes[0]).to.have.deep.property('availableCredits', usd(START + 123_450));
    expect(balance(adapter)).to.equal(START + 123_450);
    // No signal: nothing the card does can abort a purchase.
    expect(calls.map((c) => c.options)).to.deep.equal([undefined]);
    expect(calls[0].idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
  });

  it('ignores a second submit and a Retry while the purchase runs: one call, one charge', async () => {
    const { el, adapter, calls } = await host();
    adapter.hold();
    expect(buy(el, usd(1_000))).to.equal(true);
    expect(el.purchases.submit()).to.equal(false);
    expect(el.purchases.retry()).to.equal(false);
    // Closing and opening again shows the purchase still under way, and cannot submit it again.
    el.purchases.close();
    el.purchases.open();
    expect(el.purchases.state.status).to.equal('submitting');
    el.purchases.choosePack(usd(1_000));
    expect(el.purchases.submit()).to.equal(false);
    await settle();
    expect(calls).to.have.length(1);
    adapter.release();
    await el.purchases.settled();
    expect(calls).to.have.length(1);
    expect(ledger(adapter)).to.have.length(1);
    expect(balance(adapter)).to.equal(START + 1_000);
  });

  it('charged but the answer lost: Retry sends the same key and the purchase is made once', async () => {
    const { el, adapter, calls } = await host();
    adapter.failNext('purchaseCredits', 'network', 1, { afterHandling: true });
    buy(el, usd(2_500));
    await el.purchases.settled();
    expect(el.purchases.state).to.deep.include({ status: 'failed', retryable: true });
    expect(balance(adapter)).to.equal(START + 2_500);
    expect(el.purchases.retry()).to.equal(true);
    await el.purchases.settled();
    expect(el.purchases.state).to.deep.include({ status: 'completed', availableCredits: usd(START + 2_500) });
    expect(el.outcomes.map((o) => o.status)).to.deep.equal(['failed', 'completed']);
    expect(el.outcomes[1]).to.include({ replayed: true });
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).to.equal(1);
    expect(ledger(adapter)).to.have.length(1);
    expect(balance(adapter)).to.equal(START + 2_500);
  });

  it('closing after a transport failure and buying the same amount again is that Retry; another amount is a new attempt', async () => {
    const { el, adapter, calls } = await host();
    adapter.failNext('purchaseCredits', 'timeout', 1, { afterHandling: true });
    buy(el, usd(700));
    await el.purchases.settled();
    el.purchases.close();
    el.purchases.open();
    // The dialog opens on the failure a Retry may mend.
    expect(el.purchases.state).to.deep.include({ status: 'failed', retryable: true });
    el.purchases.edit();
    el.purchases.choosePack(usd(700));
    el.purchases.submit();
    await el.purchases.settled();
    expect(calls[1].idempotencyKey).to.equal(calls[0].idempotencyKey);
    expect(balance(adapter)).to.equal(START + 700);
    adapter.failNext('purchaseCredits', 'server');
    buy(el, usd(700));
    await el.purchases.settled();
    el.purchases.edit();
    el.purchases.choosePack(usd(300));
    el.purchases.submit();
    await el.purchases.settled();
    expect(calls[3].idempotencyKey).to.not.equal(calls[2].idempotencyKey);
    expect(balance(adapter)).to.equal(START + 700 + 300);
  });

  it('after a refusal, trying again is a new attempt with a new key', async () => {
    const { el, adapter, calls } = await host();
    for (const code of ['payment-required', 'conflict', 'invalid-request'] as const) {
      adapter.failNext('purchaseCredits', code);
      buy(el, usd(900));
      await el.purchases.settled();
      expect(el.purchases.state).to.deep.include({ status: 'failed', retryable: false });
      expect(el.purchases.retry()).to.equal(false);
      el.purchases.edit();
      expect(el.purchases.state).to.deep.include({
        status: 'editing',
        choice: { kind: 'pack', amount: usd(900) },
      });
      el.purchases.submit();
      await el.purchases.settled();
      expect(el.purchases.state.status).to.equal('completed');
      el.purchases.close();
    }
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).to.equal(6);
    expect(ledger(adapter)).to.have.length(3);
    expect(balance(adapter)).to.equal(START + 2_700);
  });

  it('classifies every error code: Retry with the same key only where the purchase may have been made', async () => {
    const { el, adapter } = await host();
    const retryable: Record<DashboardErrorCode, boolean> = {
      network: true,
      timeout: true,
      'rate-limited': true,
      server: true,
      'invalid-data': true,
      aborted: true,
      unauthorized: true,
      'payment-required': false,
      'invalid-request': false,
      conflict: false,
      forbidden: false,
      'not-found': false,
    };
    for (const [code, expected] of Object.entries(retryable)) {
      adapter.failNext('purchaseCredits', code as DashboardErrorCode);
      buy(el, usd(100 + el.outcomes.length));
      await el.purchases.settled();
      expect(el.purchases.state, code).to.deep.include({ status: 'failed', retryable: expected });
    }
  });

  it('an org switch mid-flight closes the dialog, and the outcome is still delivered for the first org', async () => {
    const { el, adapter } = await host();
    adapter.hold();
    buy(el, usd(4_000));
    await settle(); // the request waits at the backend
    el.orgId = 'o2';
    await el.updateComplete;
    expect(el.purchases.state).to.deep.equal({ status: 'idle' });
    el.purchases.open();
    expect(el.purchases.state).to.deep.equal({ status: 'editing', orgId: 'o2' });
    adapter.release();
    await el.purchases.settled();
    expect(el.outcomes).to.have.length(1);
    expect(el.outcomes[0]).to.deep.include({
      orgId: 'o1',
      status: 'completed',
      availableCredits: usd(START + 4_000),
    });
    // The dialog, now for o2, does not show o1's outcome.
    expect(el.purchases.state).to.deep.equal({ status: 'editing', orgId: 'o2' });
    expect([balance(adapter, 'o1'), balance(adapter, 'o2')]).to.deep.equal([START + 4_000, START]);
  });

  it('the element leaving the page mid-flight aborts nothing: the outcome is delivered', async () => {
    const { el, adapter } = await host();
    adapter.hold();
    buy(el, usd(1_500));
    await settle(); // the request waits at the backend
    el.remove();
    await settle();
    adapter.release();
    await el.purchases.settled();
    expect(el.outcomes.map((o) => [o.orgId, o.status])).to.deep.equal([['o1', 'completed']]);
    expect(balance(adapter)).to.equal(START + 1_500);
  });

  it('redirects only to an absolute http(s) URL, else fails as invalid-data', async () => {
    const { el, adapter } = await host();
    for (const url of ['https://pay.example/checkout/1', 'http://pay.example/c?session=2#top']) {
      adapter.nextPurchase({ status: 'redirect', url });
      buy(el, usd(100 + el.outcomes.length));
      await el.purchases.settled();
      expect(el.purchases.state).to.deep.include({ status: 'redirect', url });
    }
    for (const url of [
      'javascript:alert(1)',
      '/checkout/2',
      'https://shop@evil.example/',
      'https://a b.example/',
    ]) {
      adapter.nextPurchase({ status: 'redirect', url });
      buy(el, usd(200 + el.outcomes.length));
      await el.purchases.settled();
      const { state } = el.purchases;
      expect(state.status === 'failed' && state.error.code, url).to.equal('invalid-data');
    }
  });

  describe('pending, on a fake clock', () => {
    let clock: sinon.SinonFakeTimers;
    fakeTimeoutsEachTest((c) => (clock = c));

    it('says pending; the credits arrive later as the adapter settles them', async () => {
      const { el, adapter } = await host();
      adapter.nextPurchase({ status: 'pending', settleAfterMs: 5_000 });
      buy(el, usd(800));
      await el.purchases.settled();
      expect(el.purchases.state.status).to.equal('pending');
      expect(el.outcomes[0]).to.include({ orgId: 'o1', status: 'pending' });
      expect(balance(adapter)).to.equal(START);
      clock.tick(5_000);
      expect(balance(adapter)).to.equal(START + 800);
    });
  });
});

describe('LowCreditThresholdController', () => {
  it('shows only the confirmed value, ignores a second write while one runs, and clears', async () => {
    const { el, adapter } = await host();
    adapter.hold();
    expect(el.threshold.set(usd(2_000))).to.equal(true);
    expect(el.threshold.set(usd(9_999))).to.equal(false);
    expect(el.threshold.state).to.deep.equal({ status: 'saving', threshold: usd(2_000) });
    expect(el.threshold.confirmed()).to.equal(undefined);
    adapter.release();
    await el.threshold.settled();
    expect(el.threshold.confirmed()?.lowCreditThreshold).to.deep.equal(usd(2_000));
    expect(adapter.data.o1.plan.lowCreditThreshold).to.deep.equal(usd(2_000));
    el.threshold.set(null);
    await el.threshold.settled();
    expect(el.threshold.confirmed()).to.not.have.property('lowCreditThreshold');
    expect(el.saved.map((s) => s.status)).to.deep.equal(['saved', 'saved']);
  });

  it('keeps the confirmed value after a failure, and delivers an outcome for the org it was made for', async () => {
    const { el, adapter } = await host();
    el.threshold.set(usd(1_000));
    await el.threshold.settled();
    adapter.failNext('setLowCreditThreshold', 'server');
    el.threshold.set(usd(3_000));
    await el.threshold.settled();
    expect(el.threshold.state).to.deep.include({ status: 'failed', threshold: usd(3_000) });
    expect(el.threshold.confirmed()?.lowCreditThreshold).to.deep.equal(usd(1_000));
    adapter.hold();
    el.threshold.set(usd(5_000));
    el.orgId = 'o2';
    await el.updateComplete;
    expect(el.threshold.state).to.deep.equal({ status: 'idle' });
    adapter.release();
    await el.threshold.settled();
    expect(el.saved.at(-1)).to.deep.include({ orgId: 'o1', status: 'saved' });
    expect(el.threshold.confirmed('o1')?.lowCreditThreshold).to.deep.equal(usd(5_000));
    expect(el.threshold.confirmed()).to.equal(undefined);
  });

  it('refuses an answer that is not a plan (invalid-data) and keeps the confirmed value', async () => {
    const { el, adapter } = await host();
    el.threshold.set(usd(1_000));
    await el.threshold.settled();
    adapter.setLowCreditThreshold = () => Promise.resolve({ name: 'Enterprise' } as PlanSummary);
    el.threshold.set(usd(2_000));
    await el.threshold.settled();
    const { state } = el.threshold;
    expect(state.status === 'failed' && state.error.code).to.equal('invalid-data');
    expect(el.threshold.confirmed()?.lowCreditThreshold).to.deep.equal(usd(1_000));
  });
});

const CODES: DashboardErrorCode[] = [
  'network',
  'timeout',
  'rate-limited',
  'server',
  'payment-required',
  'conflict',
];
const TRANSPORT = new Set<DashboardErrorCode>(['network', 'timeout', 'rate-limited', 'server']);

type Action =
  | { kind: 'buy'; amount: number; twice: boolean; afresh: boolean }
  | { kind: 'retry' | 'edit' | 'close' | 'open' | 'switch' | 'pending' | 'hold' | 'release' }
  | { kind: 'fault'; code: DashboardErrorCode; afterHandling: boolean };

const actions = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('buy' as const),
      amount: fc.constantFrom(100, 250, 1_000),
      twice: fc.boolean(),
      afresh: fc.boolean(),
    }),
    fc.constantFrom(
      ...(['retry', 'retry', 'edit', 'close', 'open', 'switch', 'pending', 'hold', 'release'] as const).map(
        (kind) => ({
          kind,
        }),
      ),
    ),
    fc.record({
      kind: fc.constant('fault' as const),
      code: fc.constantFrom(...CODES),
      afterHandling: fc.boolean(),
    }),
  ),
  { maxLength: 30 },
) as fc.Arbitrary<Action[]>;

/**
 * The viewer's actions and the backend's faults against an independent model of DESIGN.md's rule:
 * a Retry, or the same amount again after a failure that may have been charged, sends the key of
 * that attempt; anything else a key never sent before; nothing is sent while the org's purchase
 * runs. In the end every attempt was charged at most once (exactly once if it completed or is
 * pending), and the balance the card would show (answers and plan events; a Retry's answer, maybe
 * the first answer replayed, refreshes the plan) is the adapter's.
 */
async function runModel(steps: Action[]): Promise<void> {
  const { adapter, calls } = spiedAdapter();
  const host: ReactiveControllerHost = {
    addController: () => {},
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
  let orgId = 'o1';
  const store: Record<string, number> = { o1: START, o2: START };
  const events: Record<string, number> = { o1: 0, o2: 0 };
  const refreshes: Promise<void>[] = [];
  /** Each org's attempts that may have been charged, by amount: owed until a purchase of the org goes through. */
  const owed = new Map<string, Map<number, string>>();
  const owedOf = (org: string) => owed.get(org) ?? owed.set(org, new Map()).get(org)!;
  const lastStatus = new Map<string, string>();
  const keys = new Map<string, { orgId: string; amount: number }>();
  /** Calls sent and not answered yet, by org: the model's own account of what runs. */
  const running: Record<string, number> = { o1: 0, o2: 0 };
  for (const org of ['o1', 'o2'])
    adapter.subscribe!(org, (event) => {
      if (event.topic !== 'plan') return;
      events[org] += 1;
      store[org] = event.data.availableCredits.amountMinor;
    });
  const controller = new PurchaseController(host, {
    adapter: () => adapter,
    orgId: () => orgId,
    onOutcome: (outcome) => {
      const org = outcome.orgId;
      running[org] -= 1;
      lastStatus.set(outcome.attempt.idempotencyKey, outcome.status);
      if (outcome.status === 'failed' && outcome.retryable)
        owedOf(org).set(outcome.attempt.amount.amountMinor, outcome.attempt.idempotencyKey);
      if (outcome.status !== 'failed') owed.delete(org);
      if (outcome.status !== 'completed') return;
      if (!outcome.replayed) store[org] = outcome.availableCredits.amountMinor;
      else {
        const seen = events[org];
        refreshes.push(
          adapter.getPlan(org).then((plan: PlanSummary) => {
            if (events[org] === seen) store[org] = plan.availableCredits.amountMinor;
          }),
        );
      }
    },
  });
  /** Runs `press` (submit or Retry) and checks the call it made, if any, against the model. */
  const press = (how: 'submit' | 'retry', amount?: number) => {
    const before = calls.length;
    const underWay = running[orgId] > 0;
    const sent = how === 'submit' ? controller.submit() : controller.retry();
    expect(calls.length - before, 'one call per press that sends').to.equal(sent ? 1 : 0);
    if (underWay) expect(sent, 'nothing sent while the purchase runs').to.equal(false);
    if (!sent) return;
    const call = calls.at(-1)!;
    running[call.orgId] += 1;
    const sentAmount = call.amount.amountMinor;
    const debt = owedOf(call.orgId).get(sentAmount);
    owedOf(call.orgId).delete(sentAmount);
    if (how === 'submit') expect(sentAmount, 'the amount chosen').to.equal(amount);
    if (how === 'retry' || debt !== undefined) {
      expect(call.idempotencyKey, 'the attempt key again').to.equal(debt);
    } else {
      expect(keys.has(call.idempotencyKey), 'a new key').to.equal(false);
      keys.set(call.idempotencyKey, { orgId: call.orgId, amount: call.amount.amountMinor });
    }
  };
  for (const step of steps) {
    if (step.kind === 'buy') {
      if (step.afresh) controller.close();
      controller.open();
      controller.edit();
      controller.choosePack(usd(step.amount));
      press('submit', step.amount);
      if (step.twice) press('submit', step.amount);
    } else if (step.kind === 'retry') press('retry');
    else if (step.kind === 'edit') controller.edit();
    else if (step.kind === 'close') controller.close();
    else if (step.kind === 'open') controller.open();
    else if (step.kind === 'switch') {
      orgId = orgId === 'o1' ? 'o2' : 'o1';
      controller.hostUpdate();
    } else if (step.kind === 'fault')
      adapter.failNext('purchaseCredits', step.code, 1, {
        afterHandling: step.afterHandling && TRANSPORT.has(step.code),
      });
    else if (step.kind === 'pending') adapter.nextPurchase({ status: 'pending' });
    else if (step.kind === 'hold') adapter.hold();
    else adapter.release();
    await realTask(); // every answer that can come has come
  }
  adapter.release();
  await controller.settled();
  await Promise.all(refreshes);
  adapter.release(); // the credits of purchases still pending
  for (const org of ['o1', 'o2']) {
    const records = ledger(adapter, org);
    for (const record of records) {
      expect(keys.get(record.idempotencyKey), 'a charge is an attempt of this org').to.deep.equal({
        orgId: org,
        amount: record.amount.amountMinor,
      });
    }
    for (const [key, attempt] of keys) {
      const charged = records.filter((r) => r.idempotencyKey === key).length;
      const status = lastStatus.get(key);
      if (attempt.orgId === org)
        expect(charged, `attempt ${status}`).to.equal(
          status === 'completed' || status === 'pending' ? 1 : charged,
        );
      expect(charged).to.be.at.most(1);
    }
    const total = records.reduce((sum, r) => sum + r.amount.amountMinor, 0);
    expect(balance(adapter, org), 'every charge credited').to.equal(START + total);
    expect(store[org], 'the card shows the adapter balance').to.equal(balance(adapter, org));
  }
}

describe('PurchaseController: the viewer and the backend, modelled (fast-check)', () => {
  it('random actions and faults: one key per attempt, one charge per attempt, the balance shown is the adapter one', async function () {
    // About 3 s here; room that a loaded machine cannot use up (nothing waits on the clock).
    this.timeout(300_000);
    await fc.assert(fc.asyncProperty(actions, runModel), { numRuns: 300 });
  });
});
