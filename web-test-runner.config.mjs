import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createRequire } from 'node:module';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { CHROME_ARGS, findBrowser } from './scripts/browsers.mjs';
import { emulateFirefoxMedia } from './scripts/firefox-media.mjs';
import { sseStressMiddleware } from './scripts/sse-stress-server.mjs';
import { purchaseServerPlugin } from './scripts/purchase-server.mjs';
import { customElementsManifestPlugin } from './scripts/wtr-manifest.mjs';
import { accessibilityTreePlugin } from './scripts/ax-tree.mjs';

/**
 * `/__oracle/iso4217`: ISO 4217's codes and minor-unit exponents as the `currency-codes` package (a
 * CommonJS dev dependency, kept up to date from ISO's list) has them, read in Node and served as JSON,
 * so the money tests check the library against the reference itself, not a copy of it.
 */
function serveIso4217() {
  const require = createRequire(import.meta.url);
  return (context, next) => {
    if (context.path !== '/__oracle/iso4217') return next();
    const data = require('currency-codes/data.js');
    context.type = 'application/json';
    context.body = JSON.stringify(data.map(({ code, digits, currency }) => ({ code, digits, currency })));
  };
}

/** MSW's service worker must be served from the site root. */
function serveMswWorker() {
  return (context, next) => {
    if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
    return next();
  };
}

/**
 * Baselines live beside the tests and are committed; failed shots and diffs go to a folder git ignores.
 * Up to 4 pixels of a card may differ (anti-aliasing of a few glyph edges, after pixelmatch's own
 * tolerance for anti-aliased pixels); a corner radius 2px smaller moves about 20.
 */
const visualRegressionOptions = {
  update: process.argv.includes('--update-visual-baseline'),
  baseDir: 'test/visual',
  getBaselineName: ({ name }) => `__baselines__/${name}.png`,
  getFailedName: ({ name }) => `__failed__/${name}.png`,
  getDiffName: ({ name }) => `__failed__/${name}-diff.png`,
  failureThreshold: 4,
  failureThresholdType: 'pixel',
};

/**
 * `/__source?file=src/...ts` serves a source file as written (the esbuild plugin strips comments from
 * what it serves as code): test/theming reads the elements' JSDoc from it.
 */
function serveSource() {
  return async (context, next) => {
    const file = context.path === '/__source' ? String(context.query.file ?? '') : '';
    if (!/^src\/[\w/.-]+\.ts$/.test(file) || file.includes('..')) return next();
    context.type = 'text/plain';
    context.body = await readFile(file, 'utf8');
  };
}

/**
 * `od-emulate-media` ({ 'forced-colors': 'active', 'prefers-color-scheme': 'dark', ... }): media
 * features over the DevTools protocol. emulateMedia of @web/test-runner-commands drops `forcedColors`
 * for Chromium (puppeteer refuses the feature), and the protocol's emulation forces the colors too.
 * Firefox (WebDriver BiDi, no DevTools protocol) gets them from its preferences: scripts/firefox-media.mjs.
 */
function emulateMediaFeatures() {
  const sessions = new WeakMap();
  return {
    name: 'od-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'od-emulate-media') return undefined;
      const page = session.browser.getPage(session.id);
      if (page.browser().protocol === 'webDriverBiDi') return emulateFirefoxMedia(page, payload);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const features = Object.entries(payload).map(([name, value]) => ({ name, value }));
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    // Screenshot baselines (test/visual/): `npm run test:update-visual` rewrites them.
    visualRegressionPlugin(visualRegressionOptions),
    // The manifest from the current sources, for test/package/manifest.test.ts.
    customElementsManifestPlugin(),
    emulateMediaFeatures(),
    // What a screen reader gets (test/a11y/ax-tree.test.ts): `npm run test:update-ax` rewrites the baselines.
    accessibilityTreePlugin(),
    // The credit purchase API on a port of its own, for the REST adapter's write tests.
    purchaseServerPlugin(),
  ],
  middleware: [sseStressMiddleware(), serveMswWorker(), serveSource(), serveIso4217()],
  browsers: [
    chromeLauncher({
      // `--expose-gc`: tests that a removed element is not kept in memory force a collection (`gc()`).
      launchOptions: {
        executablePath: findBrowser('chromium'),
        headless: true,
        args: [...CHROME_ARGS, '--js-flags=--expose-gc'],
      },
    }),
  ],
  // One page at a time: a background tab is hidden, so it gets no animation frames and no real
  // pointer input, and tests that need them would hang or take a fallback path.
  concurrency: 1,
  // Guards against a hung file only: room that a loaded CI machine cannot run out of (the default,
  // 2 minutes, ended the fault matrix's file on a busy machine). Each test has its own timeout.
  testsFinishTimeout: 20 * 60_000,
  // Likewise for starting the browser and a test file: 30 s was seen to run out while other jobs
  // kept both cores busy.
  browserStartTimeout: 5 * 60_000,
  testsStartTimeout: 5 * 60_000,
  // A hang guard per test, with room for a loaded machine; a test never relies on it to pass.
  testFramework: { config: { timeout: 60_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /></head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
