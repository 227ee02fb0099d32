/**
 * The two backends a host prototypes on must agree: the REST adapter talking to the MSW handlers
 * answers every activity query as the memory adapter does over the same dataset (the same page, or
 * the same error code), for generated queries, well formed or not (openapi.yaml's `listActivities`).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { DashboardError, DashboardErrorCode } from '../../src/contract/errors.js';
import type { ActivityFilter, ActivityPage, DashboardAdapter } from '../../src/contract/types.js';
import {
  ACME_ORG_ID,
  FIXTURE_ACTIONS,
  FIXTURE_ORG_IDS,
  FIXTURE_RESOURCE_TYPES,
  GLOBEX_ORG_ID,
  type InjectedFailure,
  type MockApi,
} from '../../src/msw.js';
import { READ_METHODS } from '../helpers/data.js';
import { mockApiWorker } from '../helpers/mock-api-worker.js';

const NOW = '2025-06-15T12:00:00.000Z';
let api: MockApi;
let memory: MemoryAdapter;
const rest = createRestAdapter({ baseUrl: '/api', retries: 0 });

type Outcome = { page: ActivityPage } | { error: string };

const outcome = (call: Promise<ActivityPage>): Promise<Outcome> =>
  call.then(
    (page) => ({ page }),
    (error: DashboardError) => ({ error: error.code }),
  );

/** Both adapters' answers to one query. */
async function both(orgId: string, filter: ActivityFilter): Promise<[Outcome, Outcome]> {
  return [
    await outcome(memory.listActivities(orgId, filter)),
    await outcome(rest.listActivities(orgId, filter)),
  ];
}

const day = fc
  .integer({ min: 0, max: 420 })
  .map((d) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString().slice(0, 10));
const instant = fc
  .integer({ min: 0, max: 420 * 24 * 60 })
  .map((minutes) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString());
/** A bound as callers write it: dates, instants with offsets, and what no server reads as either. */
const bound = fc.oneof(
  day,
  instant,
  instant.map((at) => at.replace('.000Z', '+02:00')),
  instant.map((at) => at.slice(0, 16)), // no offset: a local time, which RFC 3339 does not allow
  fc.constantFrom('yesterday', '2025-02-30', '2025-06-15T12:00:00+0200', 'June 1, 2025', '2025-6-1'),
);

const query = fc.oneof(
  fc.constantFrom('ada', ' STAG ', 'e', 'workspaces', 'FETCH ALL', 'nobody', '   ', 'Café', 'Cafe\u0301'),
  fc.string({ maxLength: 3 }),
);

const filter: fc.Arbitrary<ActivityFilter> = fc.record(
  {
    limit: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, -3, 2.5, 250, Number.NaN, Infinity)),
    cursor: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 400 }).map(String),
      fc.constantFrom('', 'abc', '-1'),
    ),
    resourceType: fc.oneof(fc.constantFrom(...FIXTURE_RESOURCE_TYPES), fc.constantFrom('workspaces', '')),
    action: fc.oneof(fc.constantFrom(...FIXTURE_ACTIONS), fc.constantFrom('fetch', '')),
    query,
    from: bound,
    to: bound,
  },
  { requiredKeys: [] },
);

describe('mocks: the REST adapter over the MSW handlers answers as the memory adapter', () => {
  const mockApi = mockApiWorker(NOW);
  beforeEach(() => {
    api = mockApi.serve();
    memory = createMemoryAdapter(api.data);
  });

  it('gives the same page or the same error for any activity query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURE_ORG_IDS, 'org_nope'), filter, async (orgId, f) => {
        const [fromMemory, fromRest] = await both(orgId, f);
        expect(fromRest, JSON.stringify(f)).to.deep.equal(fromMemory);
      }),
      { numRuns: 150 },
    );
  });

  it('answers every read of every org alike, after any live events', async () => {
    const reads = READ_METHODS;
    // An event with what JSON leaves out (an undefined field) and a Date, as a host might emit.
    const event = {
      topic: 'activity' as const,
      data: {
        id: 'act_live',
        resourceType: 'Workspaces',
        action: 'Create',
        occurredAt: new Date(NOW) as unknown as string,
        resourceName: undefined,
      },
    };
    for (const orgId of [...FIXTURE_ORG_IDS, 'org_nope']) {
      if (orgId !== 'org_nope') {
        api.emit(orgId, event);
        memory = createMemoryAdapter(api.data);
      }
      for (const read of reads) {
        const answer = (adapter: DashboardAdapter) =>
          adapter[read](orgId).then(
            (value) => ({ value }),
            (error: DashboardError) => ({ error: error.code }),
          );
        expect(await answer(rest), `${orgId} ${read}`).to.deep.equal(await answer(memory));
      }
    }
  });

  it('walks the same pages to the end for any filter', async () => {
    const walk = async (adapter: DashboardAdapter, f: ActivityFilter) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ActivityPage = await adapter.listActivities(GLOBEX_ORG_ID, { ...f, cursor });
        ids.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return ids;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            limit: fc.integer({ min: 1, max: 60 }),
            resourceType: fc.constantFrom(...FIXTURE_RESOURCE_TYPES),
            action: fc.constantFrom(...FIXTURE_ACTIONS),
            query: fc.constantFrom('a', 'e', 'prod'),
            from: fc.oneof(day, instant),
            to: fc.oneof(day, instant),
          },
          { requiredKeys: ['limit'] },
        ),
        async (f) => {
          expect(await walk(rest, f), JSON.stringify(f)).to.deep.equal(await walk(memory, f));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses what openapi.yaml refuses, as a 400 from either', async () => {
    for (const f of [
      { limit: 0 },
      { limit: 2.5 },
      { limit: Number.NaN },
      { cursor: 'abc' },
      { from: 'yesterday' },
      { to: '2025-02-30' },
      { from: '2025-06-15T12:00' },
    ] satisfies ActivityFilter[]) {
      const [fromMemory, fromRest] = await both(ACME_ORG_ID, f);
      expect(fromRest, JSON.stringify(f)).to.deep.equal({ error: 'invalid-request' });
      expect(fromMemory, JSON.stringify(f)).to.deep.equal({ error: 'invalid-request' });
    }
  });

  it('injected failures reach the caller as the typed errors DESIGN.md names, from either', async () => {
    const typed = (error: DashboardError) => ({
      code: error.code,
      status: error.status,
      retryAfterMs: error.retryAfterMs,
    });
    const quick = createRestAdapter({ baseUrl: '/api', retries: 0, timeoutMs: 300 });
    const cases: [InjectedFailure, DashboardErrorCode][] = [
      [400, 'invalid-request'],
      [401, 'unauthorized'],
      [402, 'payment-required'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [409, 'conflict'],
      [429, 'rate-limited'],
      [503, 'server'],
      ['network', 'network'],
      ['timeout', 'timeout'],
    ];
    for (const [failure, code] of cases) {
      api.failNext('getPlan', failure);
      memory.failNext('getPlan', code);
      const fromRest = await quick.getPlan(ACME_ORG_ID).then(() => undefined, typed);
      const fromMemory = await memory.getPlan(ACME_ORG_ID).then(() => undefined, typed);
      expect(fromRest?.code, String(failure)).to.equal(code);
      expect(fromMemory, String(failure)).to.deep.equal(fromRest);
    }
  });
});
