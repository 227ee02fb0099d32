import { expect } from '@open-wc/testing';
import type sinon from 'sinon';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardError, DashboardErrorCode } from '../../src/contract/errors.js';
import type { CreditPurchase, DashboardEvent, Money, PlanSummary } from '../../src/contract/types.js';
import { fakeTimeoutsEachTest } from '../helpers/clock.js';
import { dataset, settle } from '../helpers/data.js';

async function rejection(promise: Promise<unknown>): Promise<DashboardError> {
  try {
    await promise;
  } catch (error) {
    return error as DashboardError;
  }
  throw new Error('expected a rejection');
}

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
/** `orgDataset`'s balance: 500.00 USD. */
const START = 50_000;

/** A memory adapter over one org (`o1`) and the plan events its subscribers receive. */
function subscribed(): { adapter: MemoryAdapter; plans: PlanSummary[] } {
  const adapter = createMemoryAdapter(dataset('o1', 'o2'));
  const plans: PlanSummary[] = [];
  adapter.subscribe!('o1', (event: DashboardEvent) => {
    if (event.topic === 'plan') plans.push(event.data);
  });
  return { adapter, plans };
}

const balance = (adapter: MemoryAdapter) => adapter.data.o1.plan.availableCredits.amountMinor;

describe('createMemoryAdapter: purchaseCredits', () => {
  it('completes a new purchase: the credits are added, answered and sent as a plan event', async () => {
    const { adapter, plans } = subscribed();
    const answer = await adapter.purchaseCredits!('o1', { amount: usd(2_500), idempotencyKey: 'k1' });
    expect(answer).to.deep.equal({ status: 'completed', availableCredits: usd(START + 2_500) });
    expect(plans.map((p) => p.availableCredits)).to.deep.equal([usd(START + 2_500)]);
    expect((await adapter.getPlan('o1')).availableCredits).to.deep.equal(usd(START + 2_500));
    expect(adapter.data.o1.creditPurchases).to.deep.equal([
      { idempotencyKey: 'k1', amount: usd(2_500), answer, credited: true },
    ]);
  });

  it('answers the same key and amount with the first answer again, charging nothing', async () => {
    const { adapter, plans } = subscribed();
    const first = await adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k1' });
    await adapter.purchaseCredits!('o1', { amount: usd(700), idempotencyKey: 'k2' });
    const again = await adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k1' });
    // The first answer, with the balance it left then, not the balance now.
    expect(again).to.deep.equal(first);
    expect(again).to.deep.equal({ status: 'completed', availableCredits: usd(START + 100) });
    expect(balance(adapter)).to.equal(START + 800);
    expect(plans).to.have.length(2);
  });

  it('refuses the same key with another amount or currency as a conflict (409)', async () => {
    const { adapter } = subscribed();
    await adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k1' });
    for (const amount of [usd(101), { amountMinor: 100, currency: 'EUR' }]) {
      const error = await rejection(adapter.purchaseCredits!('o1', { amount, idempotencyKey: 'k1' }));
      expect([error.code, error.status]).to.deep.equal(['conflict', 409]);
    }
    expect(balance(adapter)).to.equal(START + 100);
  });

  it('refuses another currency than the credits (422), an amount or key that cannot be right (400), and keeps the key free', async () => {
    const { adapter, plans } = subscribed();
    const unprocessable: unknown[] = [
      { amount: { amountMinor: 100, currency: 'EUR' }, idempotencyKey: 'k1' },
      { amount: usd(Number.MAX_SAFE_INTEGER), idempotencyKey: 'k1' },
    ];
    for (const request of unprocessable) {
      const error = await rejection(adapter.purchaseCredits!('o1', request as never));
      expect([error.code, error.status], JSON.stringify(request)).to.deep.equal(['invalid-request', 422]);
    }
    const wrong: unknown[] = [
      { amount: usd(0), idempotencyKey: 'k1' },
      { amount: usd(-5), idempotencyKey: 'k1' },
      { amount: usd(1.5), idempotencyKey: 'k1' },
      { amount: { amountMinor: 100, currency: 'usd' }, idempotencyKey: 'k1' },
      { amount: usd(100), idempotencyKey: '' },
      { amount: usd(100), idempotencyKey: 'has space' },
      { amount: usd(100) },
    ];
    for (const request of wrong) {
      const error = await rejection(adapter.purchaseCredits!('o1', request as never));
      expect([error.code, error.status], JSON.stringify(request)).to.deep.equal(['invalid-request', 400]);
    }
    expect(balance(adapter)).to.equal(START);
    expect(plans).to.deep.equal([]);
    // Nothing was remembered: the key is still free.
    const answer = await adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k1' });
    expect(answer.status).to.equal('completed');
  });

  it('needs plan:manage (403) and a known org (404), as the reads need theirs', async () => {
    const { adapter } = subscribed();
    adapter.data.o1.access.permissions = ['plan:read'];
    const request = { amount: usd(100), idempotencyKey: 'k1' };
    const forbidden = await rejection(adapter.purchaseCredits!('o1', request));
    expect([forbidden.code, forbidden.status]).to.deep.equal(['forbidden', 403]);
    expect((await rejection(adapter.setLowCreditThreshold!('o1', usd(1)))).code).to.equal('forbidden');
    expect((await rejection(adapter.purchaseCredits!('nope', request))).code).to.equal('not-found');
    expect((await rejection(adapter.purchaseCredits!('..', request))).code).to.equal('invalid-request');
    expect(balance(adapter)).to.equal(START);
    expect(adapter.data.o1.creditPurchases ?? []).to.deep.equal([]);
  });

  it('fails as told without charging anything, with the HTTP status of each code; the same key then completes once', async () => {
    const codes: DashboardErrorCode[] = [
      'network',
      'timeout',
      'rate-limited',
      'server',
      'payment-required',
      'invalid-request',
      'conflict',
    ];
    const statuses = [undefined, undefined, 429, 503, 402, 400, 409];
    const { adapter, plans } = subscribed();
    for (const [index, code] of codes.entries()) {
      adapter.failNext('purchaseCredits', code);
      // A decline is its key's answer for good (memory-idempotency.test.ts): it takes a key of its own.
      const idempotencyKey = code === 'payment-required' ? 'declined' : 'k';
      const error = await rejection(adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey }));
      expect([error.code, error.status]).to.deep.equal([code, statuses[index]]);
    }
    expect(balance(adapter)).to.equal(START);
    await adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k' });
    await adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k' });
    expect(balance(adapter)).to.equal(START + 100);
    expect(plans).to.have.length(1);
  });

  it('charges and loses the answer when told (afterHandling): a retry with the same key gets the first answer', async () => {
    const { adapter, plans } = subscribed();
    adapter.failNext('purchaseCredits', 'network', 1, { afterHandling: true });
    const request = { amount: usd(900), idempotencyKey: 'k1' };
    expect((await rejection(adapter.purchaseCredits!('o1', request))).code).to.equal('network');
    expect(balance(adapter), 'charged though the answer was lost').to.equal(START + 900);
    expect(plans).to.have.length(1);
    const retried = await adapter.purchaseCredits!('o1', request);
    expect(retried).to.deep.equal({ status: 'completed', availableCredits: usd(START + 900) });
    expect(balance(adapter)).to.equal(START + 900);
    expect(adapter.data.o1.creditPurchases).to.have.length(1);
  });

  it('answers pending when told: the credits arrive with a plan event on release(), once', async () => {
    const { adapter, plans } = subscribed();
    adapter.nextPurchase({ status: 'pending' });
    const request = { amount: usd(300), idempotencyKey: 'k1' };
    expect(await adapter.purchaseCredits!('o1', request)).to.deep.equal({ status: 'pending' });
    expect(balance(adapter)).to.equal(START);
    expect(plans).to.deep.equal([]);
    // A repeat before the credits came is the first answer, and adds nothing.
    expect(await adapter.purchaseCredits!('o1', request)).to.deep.equal({ status: 'pending' });
    adapter.release();
    expect(balance(adapter)).to.equal(START + 300);
    expect(plans.map((p) => p.availableCredits.amountMinor)).to.deep.equal([START + 300]);
    adapter.release();
    expect(await adapter.purchaseCredits!('o1', request)).to.deep.equal({ status: 'pending' });
    expect(balance(adapter)).to.equal(START + 300);
    // The outcome served one new purchase; the next completes at once.
    const next = await adapter.purchaseCredits!('o1', { amount: usd(1), idempotencyKey: 'k2' });
    expect(next.status).to.equal('completed');
  });

  it('answers redirect with the checkout URL when told, and adds no credits', async () => {
    const { adapter } = subscribed();
    const url = 'https://pay.example/checkout/1';
    adapter.nextPurchase({ status: 'redirect', url }, 2);
    const one: CreditPurchase = await adapter.purchaseCredits!('o1', { amount: usd(1), idempotencyKey: 'a' });
    const two = await adapter.purchaseCredits!('o1', { amount: usd(2), idempotencyKey: 'b' });
    const again = await adapter.purchaseCredits!('o1', { amount: usd(1), idempotencyKey: 'a' });
    expect([one, two, again]).to.deep.equal([{ status: 'redirect', url }, { status: 'redirect', url }, one]);
    expect(balance(adapter)).to.equal(START);
  });

  it('holds a purchase until release(); aborting it while held charges nothing', async () => {
    const { adapter } = subscribed();
    adapter.hold();
    const controller = new AbortController();
    const aborted = adapter.purchaseCredits!(
      'o1',
      { amount: usd(5), idempotencyKey: 'a' },
      { signal: controller.signal },
    );
    let answered = false;
    const held = adapter.purchaseCredits!('o1', { amount: usd(7), idempotencyKey: 'b' }).then((a) => {
      answered = true;
      return a;
    });
    await settle(5);
    expect(answered).to.equal(false);
    controller.abort();
    expect((await rejection(aborted)).code).to.equal('aborted');
    adapter.release();
    expect(await held).to.deep.equal({ status: 'completed', availableCredits: usd(START + 7) });
    expect(balance(adapter)).to.equal(START + 7);
  });

  it('keeps one ledger per org', async () => {
    const { adapter } = subscribed();
    await adapter.purchaseCredits!('o1', { amount: usd(5), idempotencyKey: 'same' });
    const other = await adapter.purchaseCredits!('o2', { amount: usd(9), idempotencyKey: 'same' });
    expect(other).to.deep.equal({ status: 'completed', availableCredits: usd(START + 9) });
  });
});

describe('createMemoryAdapter: without writes', () => {
  it('can be made without them, as an adapter that only reads', () => {
    const adapter = createMemoryAdapter(dataset('o1'), { writes: false });
    expect([adapter.purchaseCredits, adapter.setLowCreditThreshold]).to.deep.equal([undefined, undefined]);
    expect(createMemoryAdapter(dataset('o1')).purchaseCredits).to.be.a('function');
  });
});

describe('createMemoryAdapter: pending credits after a delay', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((c) => (clock = c));

  it('adds the credits with a plan event once settleAfterMs has passed, not before, and not on release()', async () => {
    const { adapter, plans } = subscribed();
    adapter.nextPurchase({ status: 'pending', settleAfterMs: 5_000 });
    expect(await adapter.purchaseCredits!('o1', { amount: usd(40), idempotencyKey: 'k' })).to.deep.equal({
      status: 'pending',
    });
    adapter.release();
    await clock.tickAsync(4_999);
    expect(balance(adapter)).to.equal(START);
    await clock.tickAsync(1);
    expect(balance(adapter)).to.equal(START + 40);
    expect(plans.map((p) => p.availableCredits.amountMinor)).to.deep.equal([START + 40]);
  });
});

describe('createMemoryAdapter: setLowCreditThreshold', () => {
  it('sets the threshold in the credits currency, answers the plan and sends it as a plan event', async () => {
    const { adapter, plans } = subscribed();
    const plan = await adapter.setLowCreditThreshold!('o1', usd(2_000));
    expect(plan.lowCreditThreshold).to.deep.equal(usd(2_000));
    expect(plans).to.deep.equal([plan]);
    expect((await adapter.getPlan('o1')).lowCreditThreshold).to.deep.equal(usd(2_000));
    // Setting the same again is the same state.
    expect(await adapter.setLowCreditThreshold!('o1', usd(2_000))).to.deep.equal(plan);
    expect(await adapter.setLowCreditThreshold!('o1', usd(0))).to.deep.include({
      lowCreditThreshold: usd(0),
    });
  });

  it('clears it with null', async () => {
    const { adapter } = subscribed();
    await adapter.setLowCreditThreshold!('o1', usd(2_000));
    const cleared = await adapter.setLowCreditThreshold!('o1', null);
    expect(cleared).to.not.have.property('lowCreditThreshold');
    expect(await adapter.getPlan('o1')).to.not.have.property('lowCreditThreshold');
  });

  it('refuses another currency, a negative or fractional amount, and changes nothing', async () => {
    const { adapter, plans } = subscribed();
    await adapter.setLowCreditThreshold!('o1', usd(2_000));
    const euros = await rejection(adapter.setLowCreditThreshold!('o1', { amountMinor: 1, currency: 'EUR' }));
    expect([euros.code, euros.status]).to.deep.equal(['invalid-request', 422]);
    for (const wrong of [usd(-1), usd(0.5), undefined, 12]) {
      const error = await rejection(adapter.setLowCreditThreshold!('o1', wrong as never));
      expect([error.code, error.status], JSON.stringify(wrong)).to.deep.equal(['invalid-request', 400]);
    }
    expect(adapter.data.o1.plan.lowCreditThreshold).to.deep.equal(usd(2_000));
    expect(plans).to.have.length(1);
  });

  it('sets it and loses the answer when told (afterHandling)', async () => {
    const { adapter } = subscribed();
    adapter.failNext('setLowCreditThreshold', 'timeout', 1, { afterHandling: true });
    expect((await rejection(adapter.setLowCreditThreshold!('o1', usd(3)))).code).to.equal('timeout');
    expect(adapter.data.o1.plan.lowCreditThreshold).to.deep.equal(usd(3));
    adapter.failNext('setLowCreditThreshold', 'server');
    expect((await rejection(adapter.setLowCreditThreshold!('o1', null))).status).to.equal(503);
    expect(adapter.data.o1.plan.lowCreditThreshold).to.deep.equal(usd(3));
  });
});
