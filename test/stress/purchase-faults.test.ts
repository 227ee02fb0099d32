/**
 * Credit purchases through the REST adapter and the browser's fetch against a real HTTP server that
 * keeps the money (scripts/purchase-server.mjs), under 1,000 generated runs of faults: connections
 * dropped before and after the charge, 503 and 502, 429 with a Retry-After the adapter waits out or
 * one beyond its cap, answers that stall past the adapter's deadline before or after the charge,
 * declined payments, and double clicks (one attempt sent twice at once). The viewer presses Retry
 * after every transport failure (same key) and starts a new attempt (new key) only after a refusal,
 * as DESIGN.md says the plan card does.
 *
 * Whatever happens: at most one charge per attempt, exactly one for each attempt that completed,
 * none for a declined one; each completed result is the balance the server recorded with its charge;
 * the server's balance is the start plus what completed, and what `getPlan` reads; every request the
 * server saw is the attempt's POST with its own key and body, and none was a conflict.
 *
 * Time: the backoff is a few milliseconds (the adapter's options), and the adapter's deadline fires
 * exactly when the server stalls an answer, never by the clock (`deadlinesOnServerHang`), so no
 * outcome depends on the machine's speed and nothing asserts on time.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { CreditPurchase, Money } from '../../src/contract/types.js';
import {
  apiBase,
  deadlinesOnServerHang,
  newOrg,
  queueFaults,
  report,
  setUp,
  type Fault,
} from '../adapters/rest-writes-server.js';

const RUNS = 1000;
const TIMEOUT_MS = 45_678;
/** Presses of Retry after which a viewer would give up: far more than any run's faults need. */
const MAX_PRESSES = 30;

const TRANSPORT = new Set(['network', 'timeout', 'rate-limited', 'server']);

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.constantFrom<Fault>('drop-before', 'drop-after', '503', 'error-after', 'hang-before', 'hang-after'),
  // '0' is waited out within the adapter's retries; '1' (1 s) is beyond its cap: rate-limited at once.
  fc.constantFrom('0', '1').map((retryAfter): Fault => ({ kind: '429', retryAfter })),
);

const attempt = fc.record({
  amountMinor: fc.integer({ min: 1, max: 10_000_000 }),
  faults: fc.array(fault, { maxLength: 3 }),
  declined: fc.boolean(),
  doubleClick: fc.boolean(),
});

const run = fc.record({
  currency: fc.constantFrom('USD', 'JPY', 'KWD'),
  start: fc.integer({ min: 0, max: 1_000_000_000 }),
  retries: fc.integer({ min: 0, max: 3 }),
  attempts: fc.array(attempt, { minLength: 1, maxLength: 2 }),
});

type Outcome = { result: CreditPurchase; presses: number } | { refused: string; presses: number };

describe('credit purchases under faults (real local HTTP server)', function () {
  // A hang guard only, as long as the test run's own (web-test-runner.config.mjs).
  this.timeout(20 * 60_000);

  it(`${RUNS} generated runs: one charge per attempt, the result the server's balance`, async () => {
    const baseUrl = await apiBase();
    const deadlines = deadlinesOnServerHang(TIMEOUT_MS);
    let requests = 0;
    let charges = 0;
    let declinedAttempts = 0;
    try {
      await fc.assert(
        fc.asyncProperty(run, async ({ currency, start, retries, attempts }) => {
          const money = (amountMinor: number): Money => ({ amountMinor, currency });
          const org = newOrg('faults');
          const queued = attempts.map((a) => (a.declined ? [...a.faults, 'refuse' as const] : a.faults));
          // The first attempt's faults come with the session: one round trip less per run.
          await setUp(org, { balance: money(start), faults: queued[0] });
          const adapter = createRestAdapter({
            baseUrl,
            fetch: deadlines.fetch,
            timeoutMs: TIMEOUT_MS,
            retries,
            retryBaseMs: 1,
            retryMaxMs: 4,
          });

          /** The viewer: Retry (same key) after a transport failure, until an answer. */
          const purchase = async (amount: Money, idempotencyKey: string): Promise<Outcome> => {
            for (let presses = 0; presses < MAX_PRESSES; presses += 1) {
              try {
                return { result: await adapter.purchaseCredits(org, { amount, idempotencyKey }), presses };
              } catch (error) {
                const code = (error as { code: string }).code;
                if (!TRANSPORT.has(code)) return { refused: code, presses };
              }
            }
            throw new Error('the viewer gave up: a purchase never got an answer');
          };

          const keys = new Map<string, { amount: Money; outcomes: Outcome[] }>();
          for (const [index, planned] of attempts.entries()) {
            if (index > 0 && queued[index].length > 0) await queueFaults(org, queued[index]);
            const amount = money(planned.amountMinor);
            const key = crypto.randomUUID();
            const outcomes = await Promise.all(
              planned.doubleClick ? [purchase(amount, key), purchase(amount, key)] : [purchase(amount, key)],
            );
            keys.set(key, { amount, outcomes });
            if (!planned.declined) {
              for (const outcome of outcomes)
                expect(outcome, 'an attempt nobody declined').to.have.property('result');
            }
          }

          // What a refresh shows after the purchases, read through the adapter.
          const shown = (await adapter.getPlan(org)).availableCredits;
          const server = await report(org, true);
          const read = server.requests.pop();
          expect([read?.method, read?.outcome], 'the last request, the plan').to.deep.equal(['GET', 'read']);
          expect(shown, 'the plan shows the server’s balance').to.deep.equal(server.balance);
          // Every other request is one of the attempts' purchases, with its own key and body.
          for (const request of server.requests) {
            const sent = keys.get(request.idempotencyKey ?? '');
            expect(sent, 'a key of an attempt').to.not.equal(undefined);
            expect(request.method).to.equal('POST');
            expect(request.path).to.equal(`/api/organizations/${org}/credits/purchases`);
            expect(request.contentType).to.equal('application/json');
            expect(request.body).to.equal(JSON.stringify({ amount: sent!.amount }));
            expect(request.outcome, 'never a conflict nor invalid').to.not.be.oneOf(['conflict', 'invalid']);
          }
          expect(server.faultsLeft, 'every fault met a request').to.equal(0);
          // Without double clicks the adapter sends exactly one request per fault and one that
          // succeeds (or is declined): nothing sent twice behind its back, nothing lost.
          if (!attempts.some((a) => a.doubleClick)) {
            const faults = attempts.reduce((sum, a) => sum + a.faults.length + 1, 0);
            expect(server.requests.length, 'requests').to.equal(faults);
          }

          let balance = start;
          for (const [key, { amount, outcomes }] of keys) {
            const charged = server.ledger.filter((charge) => charge.key === key);
            const completed = outcomes.filter(
              (o): o is Extract<Outcome, { result: unknown }> => 'result' in o,
            );
            if (completed.length === 0) {
              expect(charged, 'a declined attempt charges nothing').to.have.length(0);
              for (const outcome of outcomes)
                expect(outcome).to.deep.include({ refused: 'payment-required' });
              declinedAttempts += 1;
              continue;
            }
            expect(completed.length, 'both clicks of one attempt get its result').to.equal(outcomes.length);
            expect(charged, 'one charge per attempt').to.have.length(1);
            balance += amount.amountMinor;
            expect(charged[0].balanceAfter).to.deep.equal(money(balance));
            for (const { result } of completed) {
              expect(result).to.deep.equal({
                status: 'completed',
                availableCredits: charged[0].balanceAfter,
              });
            }
          }
          expect(server.ledger.length, 'no charge without a completed attempt').to.equal(
            [...keys.values()].filter(({ outcomes }) => outcomes.some((o) => 'result' in o)).length,
          );
          expect(server.balance).to.deep.equal(money(balance));
          requests += server.requests.length;
          charges += server.ledger.length;
        }),
        { numRuns: RUNS },
      );
    } finally {
      deadlines.restore();
    }
    console.log(
      `purchase faults: ${RUNS} runs, ${requests} requests, ${charges} charges, ${declinedAttempts} declined attempts, ` +
        `${deadlines.fired()} deadlines fired by stalled answers`,
    );
  });
});
