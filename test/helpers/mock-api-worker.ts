/**
 * The mock API served by MSW's worker for one suite: started before its first test, stopped after
 * its last. `serve()` puts a fresh mock API in place (the fixtures made as of `now`), so no test
 * sees another's writes or injected failures.
 */
import { setupWorker } from 'msw/browser';
import { createDataset, createHandlers, type MockApi } from '../../src/msw.js';

export function mockApiWorker(now: string): { serve: () => MockApi } {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  return {
    serve() {
      const api = createHandlers({ data: createDataset({ now }) });
      worker.resetHandlers(...api.handlers);
      return api;
    },
  };
}
