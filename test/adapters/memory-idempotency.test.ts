/**
 * The memory adapter's idempotency keys, as a payment backend keeps them (openapi.yaml's
 * `purchaseCredits`): a key's first definitive answer, a completed purchase or a decline (402), is
 * what every repeat of it with the same amount gets; the same key with another amount or currency
 * is a conflict (409); failures before anything was done (network, 429, 5xx) leave the key free.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { DashboardError, type DashboardErrorCode } from '../../src/contract/errors.js';
import type { CreditPurchase, DashboardEvent, Money } from '../../src/contract/types.js';
import { dataset } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
/** `orgDataset`'s balance: 500.00 USD. */
const START = 50_000;

function subscribed() {
  const adapter = createMemoryAdapter(dataset('o1', 'o2'));
  const events: DashboardEvent[] = [];
  adapter.subscribe!('o1', (event) => events.push(event));
  return { adapter, events };
}

/** What a purchase came to: its answer, or its error's code, status and message. */
const outcome = (call: Promise<CreditPurchase>) =>
  call.then(
    (answer) => ({ answer }),
    (error: DashboardError) => ({ code: error.code, status: error.status, message: error.message }),
  );

describe('createMemoryAdapter: a decline is its idempotency key’s answer', () => {
  it('declines a repeat of the key with the same amount again, with the same status and message, charging nothing', async () => {
    const { adapter, events } = subscribed();
    adapter.failNext('purchaseCredits', 'payment-required');
    const request = { amount: usd(100), idempotencyKey: 'k1' };
    const declined = await outcome(adapter.purchaseCredits!('o1', request));
    expect(declined).to.deep.include({ code: 'payment-required', status: 402 });
    for (let repeat = 0; repeat < 3; repeat += 1)
      expect(await outcome(adapter.purchaseCredits!('o1', request)), `repeat ${repeat}`).to.deep.equal(
        declined,
      );
    expect(adapter.data.o1.plan.availableCredits).to.deep.equal(usd(START));
    expect(events).to.deep.equal([]);
    expect(adapter.data.o1.creditPurchases ?? [], 'nothing charged').to.deep.equal([]);
    // Trying again is a new purchase with a new key.
    expect(await adapter.purchaseCredits!('o1', { ...request, idempotencyKey: 'k2' })).to.deep.equal({
      status: 'completed',
      availableCredits: usd(START + 100),
    });
  });

  it('replays a decline given as an error with its own message', async () => {
    const { adapter } = subscribed();
    const card = new DashboardError('payment-required', 'The card was declined.', { status: 402 });
    adapter.failNext('purchaseCredits', card);
    const request = { amount: usd(100), idempotencyKey: 'k1' };
    const first = await outcome(adapter.purchaseCredits!('o1', request));
    expect(first).to.deep.equal({ code: 'payment-required', status: 402, message: 'The card was declined.' });
    expect(await outcome(adapter.purchaseCredits!('o1', request))).to.deep.equal(first);
  });

  it('refuses the declined key with another amount or currency as a conflict (409)', async () => {
    const { adapter } = subscribed();
    adapter.failNext('purchaseCredits', 'payment-required');
    await outcome(adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k1' }));
    for (const amount of [usd(101), { amountMinor: 100, currency: 'EUR' }]) {
      const refused = await outcome(adapter.purchaseCredits!('o1', { amount, idempotencyKey: 'k1' }));
      expect(refused, JSON.stringify(amount)).to.deep.include({ code: 'conflict', status: 409 });
    }
    expect(adapter.data.o1.plan.availableCredits).to.deep.equal(usd(START));
  });

  it('declines only what would be charged: a refused request keeps its key free, a known key gets its answer', async () => {
    const { adapter } = subscribed();
    const known = await adapter.purchaseCredits!('o1', { amount: usd(300), idempotencyKey: 'known' });
    const refused: [string, Money, DashboardErrorCode][] = [
      ['o1', usd(0), 'invalid-request'],
      ['o1', { amountMinor: 100, currency: 'EUR' }, 'invalid-request'],
      ['nope', usd(100), 'not-found'],
    ];
    for (const [orgId, amount, code] of refused) {
      adapter.failNext('purchaseCredits', 'payment-required');
      const answer = await outcome(adapter.purchaseCredits!(orgId, { amount, idempotencyKey: 'k1' }));
      expect(answer, `${orgId} ${JSON.stringify(amount)}`).to.deep.include({ code });
    }
    adapter.failNext('purchaseCredits', 'payment-required');
    expect(await adapter.purchaseCredits!('o1', { amount: usd(300), idempotencyKey: 'known' })).to.deep.equal(
      known,
    );
    const free = await adapter.purchaseCredits!('o1', { amount: usd(100), idempotencyKey: 'k1' });
    expect(free.status, 'the key stayed free').to.equal('completed');
    expect(adapter.data.o1.plan.availableCredits).to.deep.equal(usd(START + 400));
  });

  it('leaves a queued outcome (redirect) to the next new purchase', async () => {
    const { adapter } = subscribed();
    const url = 'https://pay.example/checkout/1';
    adapter.nextPurchase({ status: 'redirect', url });
    adapter.failNext('purchaseCredits', 'payment-required');
    expect(
      await outcome(adapter.purchaseCredits!('o1', { amount: usd(1), idempotencyKey: 'a' })),
    ).to.deep.include({
      code: 'payment-required',
    });
    expect(await adapter.purchaseCredits!('o1', { amount: usd(1), idempotencyKey: 'b' })).to.deep.equal({
      status: 'redirect',
      url,
    });
  });

  it('keeps one ledger per org: a key declined in one org is free in another', async () => {
    const { adapter } = subscribed();
    adapter.failNext('purchaseCredits', 'payment-required');
    await outcome(adapter.purchaseCredits!('o1', { amount: usd(5), idempotencyKey: 'same' }));
    const other = await adapter.purchaseCredits!('o2', { amount: usd(5), idempotencyKey: 'same' });
    expect(other.status).to.equal('completed');
  });

  it('charges each key once and answers it alike whatever the sequence of purchases, faults and declines', async () => {
    const call = fc.record({
      key: fc.constantFrom('a', 'b', 'c'),
      amountMinor: fc.constantFrom(1, 2, 500),
      currency: fc.constantFrom('USD', 'USD', 'EUR'),
      fail: fc.constantFrom(
        undefined,
        undefined,
        'network' as const,
        'server' as const,
        'payment-required' as const,
      ),
      afterHandling: fc.boolean(),
    });
    type Model = { answer: CreditPurchase } | { code: DashboardErrorCode };
    await fc.assert(
      fc.asyncProperty(fc.array(call, { maxLength: 12 }), async (calls) => {
        const adapter = createMemoryAdapter(dataset('o1'));
        // The model: each key's first definitive answer (a purchase or a decline), and the balance.
        const answered = new Map<string, { amount: Money; model: Model }>();
        let expected = START;
        for (const { key, amountMinor, currency, fail, afterHandling } of calls) {
          const amount = { amountMinor, currency };
          if (fail) adapter.failNext('purchaseCredits', fail, 1, { afterHandling });
          const result = await adapter.purchaseCredits!('o1', { amount, idempotencyKey: key }).then(
            (answer): Model => ({ answer }),
            (error: DashboardError): Model => ({ code: error.code }),
          );
          const known = answered.get(key);
          // A decline is decided where the purchase would be charged; other faults come first.
          const declines = fail === 'payment-required' && !afterHandling;
          const handled = !fail || afterHandling || declines;
          let model: Model | undefined;
          if (!handled) model = undefined;
          else if (known && (known.amount.amountMinor !== amountMinor || known.amount.currency !== currency))
            model = { code: 'conflict' };
          else if (known) model = known.model;
          else if (currency !== 'USD') model = { code: 'invalid-request' };
          else if (declines) {
            model = { code: 'payment-required' };
            answered.set(key, { amount, model });
          } else {
            expected += amountMinor;
            model = { answer: { status: 'completed', availableCredits: usd(expected) } };
            answered.set(key, { amount, model });
          }
          if (fail && !declines) model = { code: fail };
          expect(result).to.deep.equal(model);
        }
        expect(adapter.data.o1.plan.availableCredits.amountMinor).to.equal(expected);
        const charged = [...answered.values()].filter(({ model }) => 'answer' in model);
        expect(adapter.data.o1.creditPurchases?.length ?? 0).to.equal(charged.length);
      }),
      { numRuns: 200 },
    );
  });
});
