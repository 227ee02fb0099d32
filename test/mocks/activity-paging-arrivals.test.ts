/**
 * Paging the activity log while activity keeps coming: entries that arrive between two pages (new
 * ones at the top, late ones placed by their time above the page's end) never make the next page
 * repeat an entry already given, nor skip one that was below it. The memory adapter and the REST
 * adapter over the MSW handlers, each with its own copy of one dataset.
 */
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import fc from 'fast-check';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { Activity, ActivityFilter, DashboardAdapter } from '../../src/contract/types.js';
import { ACME_ORG_ID, createActivity, createDataset, createHandlers } from '../../src/msw.js';

const NOW = '2025-06-15T12:00:00.000Z';
const worker = setupWorker();

interface Backend {
  adapter: DashboardAdapter;
  activities(): Activity[];
  emit(activity: Activity): void;
}

function memoryBackend(): Backend {
  const adapter = createMemoryAdapter(createDataset({ now: NOW, activitiesPerOrg: 120 }));
  return {
    adapter,
    activities: () => adapter.data[ACME_ORG_ID].activities,
    emit: (activity) => adapter.emit(ACME_ORG_ID, { topic: 'activity', data: activity }),
  };
}

function restBackend(): Backend {
  const api = createHandlers({ data: createDataset({ now: NOW, activitiesPerOrg: 120 }) });
  worker.resetHandlers(...api.handlers);
  return {
    adapter: createRestAdapter({ baseUrl: '/api', retries: 0 }),
    activities: () => api.data[ACME_ORG_ID].activities,
    emit: (activity) => void api.emit(ACME_ORG_ID, { topic: 'activity', data: activity }),
  };
}

/** Arrivals: how far back in the list each lands (0 the top), as a fraction of the list. */
const arrivals = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 });
const narrowing = fc.constantFrom<ActivityFilter>({}, { action: 'Fetch' }, { query: 'a' });

describe('mocks: activity pages while new entries arrive', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());

  for (const [name, make] of [
    ['memory adapter', memoryBackend],
    ['REST adapter over the MSW handlers', restBackend],
  ] as const) {
    it(`${name}: no page repeats or skips an entry that was there when paging began`, async () => {
      let made = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 30 }),
          narrowing,
          fc.array(arrivals, { minLength: 1, maxLength: 4 }),
          async (limit, narrowed, bursts) => {
            const backend = make();
            const filter = { ...narrowed, limit };
            const before = backend.activities().filter((a) => a.id.startsWith('act_'));
            const expected = (await backend.adapter.listActivities(ACME_ORG_ID, { ...filter, limit: 200 }))
              .items;
            const seen: string[] = [];
            let cursor: string | null = null;
            let burst = 0;
            do {
              const page = await backend.adapter.listActivities(ACME_ORG_ID, { ...filter, cursor });
              seen.push(...page.items.map((a) => a.id));
              cursor = page.nextCursor;
              // Between pages: new activity, some of it late (placed by its time, above the page's end).
              for (const at of bursts[burst++] ?? []) {
                const list = backend.activities();
                const neighbour = list[Math.floor(at * (list.length - 1))];
                const time = Date.parse(neighbour.occurredAt) + 1;
                backend.emit({
                  ...createActivity(ACME_ORG_ID, { at: time, sequence: made }),
                  id: `new_${made++}`,
                });
              }
            } while (cursor !== null);
            const old = seen.filter((id) => !id.startsWith('new_'));
            expect(new Set(seen).size, 'no entry twice').to.equal(seen.length);
            expect(old, 'every entry that was there, in order').to.deep.equal(expected.map((a) => a.id));
            expect(before.length).to.be.above(0);
          },
        ),
        { numRuns: 30 },
      );
    });
  }
});
