/**
 * The mock API and the memory adapter take writes alike: over any generated sequence of purchases,
 * thresholds, injected faults, declines and outcomes, both give the same answers and keep the same
 * ledger. A purchase's definitive answer (a completed, pending or redirected purchase, or a
 * decline) is then asked for again with the same key, as a client whose answer was lost does, and
 * both must give it again.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardError } from '../../src/contract/errors.js';
import type { Money } from '../../src/contract/types.js';
import { ACME_ORG_ID, createDataset, type InjectedFailure, type MockApi } from '../../src/msw.js';
import { mockApiWorker } from '../helpers/mock-api-worker.js';

const NOW = '2025-06-15T12:00:00.000Z';
let api: MockApi;

function purchase(orgId: string, amount: unknown, key: string): Promise<Response> {
  return fetch(`/api/organizations/${orgId}/credits/purchases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ amount }),
  });
}

function putThreshold(orgId: string, body: unknown): Promise<Response> {
  return fetch(`/api/organizations/${orgId}/plan/low-credit-threshold`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('mocks: the mock API and the memory adapter take writes alike', () => {
  const mockApi = mockApiWorker(NOW);

  type Fault = 'network' | 'rate-limited' | 'server' | 'payment-required' | 'invalid-request' | 'conflict';
  const STATUS: Record<Exclude<Fault, 'network'>, number> = {
    'rate-limited': 429,
    server: 503,
    'payment-required': 402,
    'invalid-request': 400,
    conflict: 409,
  };
  type Inject =
    { fault: Fault; afterHandling: boolean } | { outcome: 'pending' } | { outcome: 'redirect' } | undefined;
  type Command =
    | { kind: 'purchase'; key: string; amountMinor: number; currency: string; inject: Inject; retry: boolean }
    | { kind: 'threshold'; value: Money | null; inject: Inject }
    | { kind: 'settle' };
  type Result = { answer: unknown } | { code: string };

  const inject: fc.Arbitrary<Inject> = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    fc.record({
      fault: fc.constantFrom<Fault>(
        'network',
        'rate-limited',
        'server',
        'payment-required',
        'invalid-request',
        'conflict',
      ),
      afterHandling: fc.boolean(),
    }),
    fc.constant({ outcome: 'pending' as const }),
    fc.constant({ outcome: 'redirect' as const }),
  );
  const command: fc.Arbitrary<Command> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('purchase' as const),
        key: fc.constantFrom('a', 'b', 'c', ''),
        amountMinor: fc.constantFrom(1, 250, 99_999, 0, -3, 2.5),
        currency: fc.constantFrom('USD', 'USD', 'EUR'),
        inject,
        retry: fc.boolean(),
      }),
    },
    fc.record({
      kind: fc.constant('threshold' as const),
      value: fc.option(
        fc.record({ amountMinor: fc.constantFrom(0, 500, -1), currency: fc.constantFrom('USD', 'JPY') }),
      ),
      inject,
    }),
    fc.constant({ kind: 'settle' as const }),
  );

  const URL_ = 'https://pay.example/checkout/1';

  function prepare(memory: MemoryAdapter, method: 'purchaseCredits' | 'setLowCreditThreshold', i: Inject) {
    if (!i) return;
    if ('outcome' in i) {
      const outcome =
        i.outcome === 'pending' ? { status: 'pending' as const } : { status: 'redirect' as const, url: URL_ };
      if (method === 'purchaseCredits') {
        memory.nextPurchase(outcome);
        api.nextPurchase(outcome);
      }
      return;
    }
    memory.failNext(method, i.fault, 1, { afterHandling: i.afterHandling });
    const failure: InjectedFailure = i.fault === 'network' ? 'network' : STATUS[i.fault];
    api.failNext(method, failure, 1, { afterHandling: i.afterHandling });
  }

  async function overHttp(response: Promise<Response>): Promise<Result> {
    try {
      const answered = await response;
      const body = (await answered.json()) as { code: string };
      return answered.ok ? { answer: body } : { code: body.code };
    } catch {
      return { code: 'network' };
    }
  }

  const inMemory = (call: Promise<unknown>): Promise<Result> =>
    call.then(
      (answer) => ({ answer }),
      (error: DashboardError) => ({ code: error.code }),
    );

  /**
   * Whether `result` is the key's definitive answer, which every repeat must get: any answer, or a
   * decline the backend made (a 402 injected before handling, where the purchase would be charged).
   * Not a fault (an injected 429, 503, network failure) nor a refusal (400, 409, 422).
   */
  const definitive = (result: Result, i: Inject): boolean =>
    'answer' in result ||
    (result.code === 'payment-required' &&
      i !== undefined &&
      'fault' in i &&
      i.fault === 'payment-required' &&
      !i.afterHandling);

  it('give the same answers, the same answer again for a repeated key, and keep the same ledger', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 14 }), async (commands) => {
        api = mockApi.serve();
        const memory = createMemoryAdapter(createDataset({ now: NOW }));
        for (const step of commands) {
          let results: [Result, Result];
          if (step.kind === 'settle') {
            memory.release();
            api.settlePending();
            continue;
          }
          if (step.kind === 'purchase') {
            prepare(memory, 'purchaseCredits', step.inject);
            const amount = { amountMinor: step.amountMinor, currency: step.currency };
            const send = async (): Promise<[Result, Result]> => [
              await inMemory(memory.purchaseCredits!(ACME_ORG_ID, { amount, idempotencyKey: step.key })),
              await overHttp(purchase(ACME_ORG_ID, amount, step.key)),
            ];
            results = await send();
            expect(results[1], JSON.stringify(step)).to.deep.equal(results[0]);
            // Sent again with the same key (the answer was lost): the same answer, from both.
            if (step.retry && definitive(results[0], step.inject))
              expect(await send(), `again: ${JSON.stringify(step)}`).to.deep.equal([results[0], results[0]]);
          } else {
            prepare(memory, 'setLowCreditThreshold', step.inject);
            results = [
              await inMemory(memory.setLowCreditThreshold!(ACME_ORG_ID, step.value)),
              await overHttp(putThreshold(ACME_ORG_ID, { threshold: step.value })),
            ];
          }
          expect(results[1], JSON.stringify(step)).to.deep.equal(results[0]);
        }
        const ledger = (data: typeof api.data) => ({
          plan: data[ACME_ORG_ID].plan,
          purchases: data[ACME_ORG_ID].creditPurchases ?? [],
          // Each backend words its injected failures its own way: the declines without their message.
          declined: (data[ACME_ORG_ID].declinedPurchases ?? []).map(({ decline, ...declined }) => ({
            ...declined,
            status: decline.status,
          })),
        });
        expect(ledger(api.data)).to.deep.equal(ledger(memory.data));
      }),
      { numRuns: 60 },
    );
  });

  it('meet every answer and fault in those sequences', () => {
    // The generator reaches each kind of answer: a guard against a generator that lost a case.
    const seen = new Set<string>();
    fc.sample(command, { numRuns: 2_000, seed: 7 }).forEach((c) => {
      seen.add(c.kind);
      if (c.kind !== 'settle' && c.inject) seen.add('fault' in c.inject ? c.inject.fault : c.inject.outcome);
      if (c.kind === 'purchase' && c.retry) seen.add('retry');
    });
    expect([...seen].sort()).to.deep.equal(
      [
        'purchase',
        'threshold',
        'settle',
        'network',
        'rate-limited',
        'server',
        'payment-required',
        'invalid-request',
        'conflict',
        'pending',
        'redirect',
        'retry',
      ].sort(),
    );
  });
});
