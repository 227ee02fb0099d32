import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';

/** MSW's service worker must be served from the site root. */
function serveMswWorker() {
  return (context, next) => {
    if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
    return next();
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [serveMswWorker()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  // One page at a time: a background tab is hidden, so it gets no animation frames and no real
  // pointer input, and tests that need them would hang or take a fallback path.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /></head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
