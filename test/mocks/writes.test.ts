import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import fc from 'fast-check';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { PERMISSIONS } from '../../src/contract/access.js';
import type { DashboardError } from '../../src/contract/errors.js';
import type { Money, PlanSummary } from '../../src/contract/types.js';
import {
  ACME_ORG_ID,
  INITECH_ORG_ID,
  SAKURA_ORG_ID,
  createDataset,
  createHandlers,
  type InjectedFailure,
  type MockApi,
} from '../../src/msw.js';
import { until } from '../helpers/data.js';

const NOW = '2025-06-15T12:00:00.000Z';
const worker = setupWorker();
let api: MockApi;

function use(): MockApi {
  api = createHandlers({ data: createDataset({ now: NOW }) });
  worker.resetHandlers(...api.handlers);
  return api;
}

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const purchasesPath = (orgId: string) => `/api/organizations/${orgId}/credits/purchases`;
const thresholdPath = (orgId: string) => `/api/organizations/${orgId}/plan/low-credit-threshold`;

interface Answer {
  status: number;
  body: unknown;
}

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, body: await response.json() };
}

function purchase(
  orgId: string,
  amount: unknown,
  key: string | null,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(purchasesPath(orgId), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: JSON.stringify({ amount }),
    ...init,
  });
}

function putThreshold(orgId: string, body: unknown): Promise<Response> {
  return fetch(thresholdPath(orgId), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const acme = () => api.data[ACME_ORG_ID];
const balance = () => acme().plan.availableCredits.amountMinor;

/** Records the org's `plan` events as the API sends them (through `emit`, which feeds the stream). */
function planEvents(): PlanSummary[] {
  const plans: PlanSummary[] = [];
  const emit = api.emit.bind(api);
  api.emit = (orgId, event) => {
    if (orgId === ACME_ORG_ID && event.topic === 'plan') plans.push(structuredClone(event.data));
    return emit(orgId, event);
  };
  return plans;
}

describe('mocks: the write endpoints through MSW', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());
  beforeEach(() => use());

  describe('POST /organizations/{orgId}/credits/purchases', () => {
    it('completes a new key, answers the same key and amount with the first answer, and sends the plan once', async () => {
      const plans = planEvents();
      const start = balance();
      const first = await answerOf(await purchase(ACME_ORG_ID, usd(10_000), 'k1'));
      expect(first).to.deep.equal({
        status: 200,
        body: { status: 'completed', availableCredits: usd(start + 10_000) },
      });
      expect(await answerOf(await purchase(ACME_ORG_ID, usd(10_000), 'k1'))).to.deep.equal(first);
      expect(balance()).to.equal(start + 10_000);
      expect(plans.map((p) => p.availableCredits.amountMinor)).to.deep.equal([start + 10_000]);
    });

    it('sends the new plan on the event stream', async () => {
      const controller = new AbortController();
      const stream = await fetch(`/api/organizations/${ACME_ORG_ID}/events`, { signal: controller.signal });
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      const start = balance();
      await purchase(ACME_ORG_ID, usd(1), 'k1');
      let text = '';
      while (!text.includes('event: plan')) text += (await reader.read()).value ?? '';
      controller.abort();
      expect(text).to.include(`"amountMinor":${start + 1}`);
    });

    it('requires the Idempotency-Key header (400), a JSON body with the amount, and refuses what cannot be right (400, 422)', async () => {
      const start = balance();
      const missing = await answerOf(await purchase(ACME_ORG_ID, usd(100), null));
      expect(missing.status).to.equal(400);
      expect(missing.body).to.deep.include({ code: 'invalid-request' });
      const refused: [unknown, string | null, RequestInit?][] = [
        [usd(100), ''],
        [usd(0), 'k'],
        [usd(-1), 'k'],
        [usd(1.5), 'k'],
        [undefined, 'k'],
        [usd(100), 'k', { body: 'not json' }],
        [usd(100), 'k', { body: '[1]' }],
      ];
      for (const [amount, key, init] of refused) {
        const { status, body } = await answerOf(await purchase(ACME_ORG_ID, amount, key, init));
        expect([status, (body as { code: string }).code], JSON.stringify([amount, key, init])).to.deep.equal([
          400,
          'invalid-request',
        ]);
      }
      const euros = await answerOf(await purchase(ACME_ORG_ID, { amountMinor: 100, currency: 'EUR' }, 'k'));
      expect([euros.status, (euros.body as { code: string }).code]).to.deep.equal([422, 'invalid-request']);
      expect(balance()).to.equal(start);
      expect((await purchase(ACME_ORG_ID, usd(100), 'k')).status, 'the key stayed free').to.equal(200);
    });

    it('answers the same key with another amount 409', async () => {
      await purchase(ACME_ORG_ID, usd(100), 'k1');
      const conflict = await answerOf(await purchase(ACME_ORG_ID, usd(200), 'k1'));
      expect(conflict.status).to.equal(409);
      expect(conflict.body).to.deep.include({ code: 'conflict' });
    });

    it('sells in the credits currency and minor unit of each org (whole yen for Sakura)', async () => {
      const yen = { amountMinor: 5_000, currency: 'JPY' };
      const start = api.data[SAKURA_ORG_ID].plan.availableCredits.amountMinor;
      const { body } = await answerOf(await purchase(SAKURA_ORG_ID, yen, 'k1'));
      expect(body).to.deep.equal({
        status: 'completed',
        availableCredits: { ...yen, amountMinor: start + 5_000 },
      });
      expect((await purchase(SAKURA_ORG_ID, usd(5_000), 'k2')).status).to.equal(422);
    });

    it('answers 404 for an unknown org and 403 without plan:manage, on both writes', async () => {
      expect((await purchase('org_nope', usd(1), 'k')).status).to.equal(404);
      expect((await putThreshold('org_nope', { threshold: null })).status).to.equal(404);
      // Initech's viewer is a member: the plan is readable, not manageable.
      const forbidden = await answerOf(await purchase(INITECH_ORG_ID, usd(1), 'k'));
      expect(forbidden).to.deep.include({ status: 403 });
      expect(forbidden.body).to.deep.include({ code: 'forbidden' });
      expect((await putThreshold(INITECH_ORG_ID, { threshold: null })).status).to.equal(403);
    });

    it('refuses the writes as the memory adapter does, for every set of permissions', async () => {
      const outcome = (call: Promise<unknown>) =>
        call.then(
          () => 'answered',
          (error: DashboardError) => error.code,
        );
      const status = (response: Response) => (response.status === 200 ? 'answered' : response.status);
      await fc.assert(
        fc.asyncProperty(fc.subarray([...PERMISSIONS]), async (permissions) => {
          const data = createDataset({ now: NOW });
          data[ACME_ORG_ID].access = { permissions };
          api = createHandlers({ data: structuredClone(data) });
          worker.resetHandlers(...api.handlers);
          const memory = createMemoryAdapter(data);
          const manage = permissions.includes('plan:manage');
          const request = { amount: usd(1), idempotencyKey: 'k' };
          expect(await outcome(memory.purchaseCredits!(ACME_ORG_ID, request))).to.equal(
            manage ? 'answered' : 'forbidden',
          );
          expect(await outcome(memory.setLowCreditThreshold!(ACME_ORG_ID, null))).to.equal(
            manage ? 'answered' : 'forbidden',
          );
          expect(status(await purchase(ACME_ORG_ID, usd(1), 'k'))).to.equal(manage ? 'answered' : 403);
          expect(status(await putThreshold(ACME_ORG_ID, { threshold: null }))).to.equal(
            manage ? 'answered' : 403,
          );
        }),
        { numRuns: 10, examples: [[[...PERMISSIONS]], [[]]] },
      );
    });

    it('fails as told before charging: 402, 409, 400, 429 with Retry-After, 503, a dropped connection', async () => {
      const start = balance();
      const failures: [InjectedFailure, string][] = [
        [402, 'payment-required'],
        [409, 'conflict'],
        [400, 'invalid-request'],
        [429, 'rate-limited'],
        [503, 'server'],
      ];
      for (const [failure, code] of failures) {
        api.failNext('purchaseCredits', failure);
        const response = await purchase(ACME_ORG_ID, usd(100), 'k');
        expect([response.status, ((await response.json()) as { code: string }).code]).to.deep.equal([
          failure,
          code,
        ]);
        if (failure === 429) expect(response.headers.get('retry-after')).to.equal('1');
      }
      api.failNext('purchaseCredits', 'network');
      let dropped = false;
      await purchase(ACME_ORG_ID, usd(100), 'k').catch(() => (dropped = true));
      expect(dropped).to.equal(true);
      expect(balance()).to.equal(start);
      expect(acme().creditPurchases ?? []).to.deep.equal([]);
    });

    it('charges and drops the answer when told (afterHandling): the retry with the same key gets the first answer', async () => {
      const plans = planEvents();
      const start = balance();
      api.failNext('purchaseCredits', 'network', 1, { afterHandling: true });
      let dropped = false;
      await purchase(ACME_ORG_ID, usd(700), 'k1').catch(() => (dropped = true));
      expect(dropped).to.equal(true);
      expect(balance()).to.equal(start + 700);
      const retry = await answerOf(await purchase(ACME_ORG_ID, usd(700), 'k1'));
      expect(retry.body).to.deep.equal({ status: 'completed', availableCredits: usd(start + 700) });
      expect(balance()).to.equal(start + 700);
      expect(plans).to.have.length(1);
    });

    it('never answers a timeout, charged or not, until the client gives up', async () => {
      const start = balance();
      const initechStart = api.data[INITECH_ORG_ID].plan.availableCredits.amountMinor;
      // One failure per org's path: the two requests may reach the handlers in either order (they
      // do in Firefox), and each must meet its own failure.
      api.failNext(new RegExp(`^${purchasesPath(INITECH_ORG_ID)}$`), 'timeout');
      api.failNext(new RegExp(`^${purchasesPath(ACME_ORG_ID)}$`), 'timeout', 1, { afterHandling: true });
      const early = new AbortController();
      const unanswered = purchase(INITECH_ORG_ID, usd(5), 'k1', { signal: early.signal });
      const late = new AbortController();
      const charged = purchase(ACME_ORG_ID, usd(7), 'k2', { signal: late.signal });
      await until(() => balance() === start + 7, 'the second purchase charged');
      early.abort();
      late.abort();
      for (const call of [unanswered, charged]) {
        expect(
          await call.then(
            () => 'answered',
            (error: Error) => error.name,
          ),
        ).to.equal('AbortError');
      }
      expect(acme().creditPurchases?.map((p) => p.idempotencyKey)).to.deep.equal(['k2']);
      expect(api.data[INITECH_ORG_ID].creditPurchases ?? []).to.deep.equal([]);
      expect(api.data[INITECH_ORG_ID].plan.availableCredits.amountMinor).to.equal(initechStart);
    });

    it('answers pending when told, adding the credits with a plan event on settlePending()', async () => {
      const plans = planEvents();
      const start = balance();
      api.nextPurchase({ status: 'pending' });
      expect((await answerOf(await purchase(ACME_ORG_ID, usd(50), 'k1'))).body).to.deep.equal({
        status: 'pending',
      });
      expect(balance()).to.equal(start);
      api.settlePending(INITECH_ORG_ID);
      expect(balance(), 'another org settled nothing').to.equal(start);
      api.settlePending();
      expect(balance()).to.equal(start + 50);
      expect(plans.map((p) => p.availableCredits.amountMinor)).to.deep.equal([start + 50]);
      expect((await answerOf(await purchase(ACME_ORG_ID, usd(50), 'k1'))).body).to.deep.equal({
        status: 'pending',
      });
      expect(balance()).to.equal(start + 50);
    });

    it('answers redirect to the checkout page when told', async () => {
      const url = 'https://pay.example/checkout/7';
      api.nextPurchase({ status: 'redirect', url });
      const start = balance();
      expect((await answerOf(await purchase(ACME_ORG_ID, usd(50), 'k1'))).body).to.deep.equal({
        status: 'redirect',
        url,
      });
      expect(balance()).to.equal(start);
    });
  });

  describe('PUT /organizations/{orgId}/plan/low-credit-threshold', () => {
    it('sets, repeats and clears the threshold, answering the plan and sending it', async () => {
      const plans = planEvents();
      const set = await answerOf(await putThreshold(ACME_ORG_ID, { threshold: usd(123) }));
      expect(set.status).to.equal(200);
      expect((set.body as PlanSummary).lowCreditThreshold).to.deep.equal(usd(123));
      expect(await answerOf(await putThreshold(ACME_ORG_ID, { threshold: usd(123) }))).to.deep.equal(set);
      const cleared = await answerOf(await putThreshold(ACME_ORG_ID, { threshold: null }));
      expect(cleared.body).to.not.have.property('lowCreditThreshold');
      expect(acme().plan).to.not.have.property('lowCreditThreshold');
      expect(plans.map((p) => p.lowCreditThreshold?.amountMinor ?? null)).to.deep.equal([123, 123, null]);
    });

    it('refuses another currency (422), a negative amount, a body without threshold (400), and changes nothing', async () => {
      const before = structuredClone(acme().plan);
      const euros = await putThreshold(ACME_ORG_ID, { threshold: { amountMinor: 1, currency: 'EUR' } });
      expect(euros.status).to.equal(422);
      for (const body of [{ threshold: usd(-1) }, {}, [1]]) {
        const answer = await answerOf(await putThreshold(ACME_ORG_ID, body));
        expect(answer.status, JSON.stringify(body)).to.equal(400);
        expect(answer.body).to.deep.include({ code: 'invalid-request' });
      }
      expect(acme().plan).to.deep.equal(before);
    });
  });
});
