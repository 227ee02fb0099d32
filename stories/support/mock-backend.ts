/**
 * A mocked backend for stories: the REST API served by MSW from fixtures, and
 * a REST adapter pointed at it. Each story makes its own, so their failures
 * and delays never leak into one another.
 */
import type { AdapterRequest } from '../../src/contract/access.js';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import type { DashboardAdapter } from '../../src/contract/types.js';
import {
  createHandlers,
  type InjectedFailure,
  type MockApi,
  type MockApiOptions,
} from '../../src/mocks/handlers.js';
import { createDataset } from '../../src/mocks/fixtures.js';

export interface MockBackend {
  api: MockApi;
  adapter: DashboardAdapter;
  /** For the story's `parameters.msw`: the handlers of every backend made so far (see `everyHandler`). */
  msw: { handlers: MockApi['handlers'] };
}

/** Longer than anyone watches a story: a request that never answers. */
export const FOREVER_MS = 2 ** 31 - 1;

/**
 * The handlers of every backend made in this page, each under its own base URL. A docs page renders
 * all of a file's stories at once, while the MSW addon serves one story's `parameters.msw` at a
 * time (the last one loaded): given them all, each story's cards are answered by their own
 * backend, so its Error, No access and Loading states show there too. Stories read the array when
 * they load, after their file made its backends.
 */
const everyHandler: MockApi['handlers'] = [];
let backends = 0;

/**
 * Every backend's handlers, for the preview's default `parameters.msw`: a story with no backend of
 * its own (controlled data) would otherwise serve none, and on a docs page, where it may load last,
 * leave every other story of the page unanswered (404).
 */
export const everyBackend: MockBackend['msw'] = { handlers: everyHandler };

/**
 * `adapterOptions` go to the REST adapter over the story's defaults, e.g. `{ timeoutMs: 0 }` for a
 * story that holds a request unanswered and must not see it time out.
 */
export function mockBackend(
  options: MockApiOptions = {},
  adapterOptions: Omit<RestAdapterOptions, 'baseUrl'> = {},
): MockBackend {
  backends += 1;
  // Its own path: the handlers of all backends are served at once (see `everyHandler`).
  const baseUrl = options.baseUrl ?? `/api/${backends}`;
  const api = createHandlers({ data: createDataset({ activitiesPerOrg: 60 }), ...options, baseUrl });
  everyHandler.push(...api.handlers);
  // No retries: a story shows a failure at once instead of after the backoff.
  // The mocked server lives in this story's page: another tab's mock must not answer for it.
  const adapter = createRestAdapter({ baseUrl, retries: 0, liveSharing: 'page', ...adapterOptions });
  return { api, adapter, msw: { handlers: everyHandler } };
}

/**
 * A backend that never answers: the adapter has no timeout either, so a Loading story stays
 * loading however long a designer looks at it (the adapter's default would turn it into an error
 * after 15 s).
 */
export function silentBackend(): MockBackend {
  return mockBackend({ delayMs: FOREVER_MS }, { timeoutMs: 0 });
}

/** A backend whose story fails requests anew on every visit (see `failOnEachVisit`). */
export interface FailingBackend extends MockBackend {
  /** For the story's `beforeEach`. */
  arm: () => void;
}

/**
 * `backend` failing the first `times` calls to `endpoint` with `failure` on every visit of the
 * story, not only on the first one: Storybook keeps the page (and so the backend) from story to
 * story, and a failure injected once when the file loads is used up by the first visit, so coming
 * back to an Error story would show the card ready. `arm` (the story's `beforeEach`, run on every
 * render) injects the failures again once the last ones were used, and only then: a render after a
 * control changed refetches nothing, and a failure left waiting would hit the next request instead.
 */
export function failOnEachVisit(
  backend: MockBackend,
  endpoint: AdapterRequest,
  failure: InjectedFailure,
  times = 1,
): FailingBackend {
  let waiting = 0;
  const request = backend.adapter[endpoint] as (...args: unknown[]) => unknown;
  const adapter = {
    ...backend.adapter,
    [endpoint]: (...args: unknown[]) => {
      waiting = Math.max(0, waiting - 1);
      return request.apply(backend.adapter, args);
    },
  };
  return {
    ...backend,
    adapter,
    arm: () => {
      if (waiting > 0) return;
      backend.api.failNext(endpoint, failure, times);
      waiting = times;
    },
  };
}
