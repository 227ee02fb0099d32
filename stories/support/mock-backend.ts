/**
 * A mocked backend for stories: the REST API served by MSW from fixtures, and
 * a REST adapter pointed at it. Each story makes its own, so their failures
 * and delays never leak into one another.
 */
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import type { DashboardAdapter } from '../../src/contract/types.js';
import { createHandlers, type MockApi, type MockApiOptions } from '../../src/mocks/handlers.js';
import { createDataset } from '../../src/mocks/fixtures.js';

export interface MockBackend {
  api: MockApi;
  adapter: DashboardAdapter;
  /** For the story's `parameters.msw`. */
  msw: { handlers: MockApi['handlers'] };
}

/** Longer than anyone watches a story: a request that never answers. */
export const FOREVER_MS = 2 ** 31 - 1;

/**
 * `adapterOptions` go to the REST adapter over the story's defaults, e.g. `{ timeoutMs: 0 }` for a
 * story that holds a request unanswered and must not see it time out.
 */
export function mockBackend(
  options: MockApiOptions = {},
  adapterOptions: Omit<RestAdapterOptions, 'baseUrl'> = {},
): MockBackend {
  const baseUrl = options.baseUrl ?? '/api';
  const api = createHandlers({ data: createDataset({ activitiesPerOrg: 60 }), ...options, baseUrl });
  // No retries: a story shows a failure at once instead of after the backoff.
  // The mocked server lives in this story's page: another tab's mock must not answer for it.
  const adapter = createRestAdapter({ baseUrl, retries: 0, liveSharing: 'page', ...adapterOptions });
  return { api, adapter, msw: { handlers: api.handlers } };
}
