// `npm run test:integration` (after `npm run build`): the embedding snippets of the Storybook
// "Embedding" page (stories/embedding/) run as tiny host apps in headless Chromium. esbuild bundles the
// React 19 app (plain tags, and the `org-dashboard-elements/react` wrappers) and the Vue 3 app against the built package; the plain HTML page loads the `unpkg` bundle
// (its unpkg.com URL is answered with dist/). Each app passes a REST adapter as a property, the test
// server answers its API from an in-memory dataset, and each app routes the "View past invoices"
// action itself with preventDefault(). Records its counts for .ci/run (scripts/results.mjs).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { answerApi, INVOICES, ORG_NAME } from './frameworks/host-server.mjs';
import { recordResults } from './results.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const snippets = join(root, 'stories/embedding');
const chrome = requireBrowser('chromium');

let apiRequests = 0;
function serve(site) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      apiRequests += 1;
      await answerApi(url, response);
      return;
    }
    const file = site[url.pathname === '/' ? '/index.html' : url.pathname];
    if (!file) {
      response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise((closed) => server.close(closed));
        },
      }),
    ),
  );
}

/** Bundles a snippet as a host's build would, resolving `org-dashboard-elements` to this package. */
async function bundle(entry, options = {}) {
  const result = await build({
    entryPoints: [join(snippets, entry)],
    absWorkingDir: root,
    nodePaths: [join(work, 'node_modules')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    loader: { '.js': 'jsx' },
    define: { 'process.env.NODE_ENV': '"production"', ...options.define },
    alias: options.alias,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

const page = () => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Host</title></head>
  <body><div id="app"></div><script type="module" src="/app.js"></script></body>
</html>`;

const work = mkdtempSync(join(tmpdir(), 'od-integration-'));
mkdirSync(join(work, 'node_modules'));
symlinkSync(root, join(work, 'node_modules', 'org-dashboard-elements'), 'dir');

const js = (body) => ({ type: 'text/javascript; charset=utf-8', body });
const htmlFile = (body) => ({ type: 'text/html; charset=utf-8', body });
const hosts = {
  async 'React 19'() {
    return { '/index.html': htmlFile(page()), '/app.js': js(await bundle('react-app.jsx')) };
  },
  async 'React with the @lit/react wrappers'() {
    return { '/index.html': htmlFile(page()), '/app.js': js(await bundle('react-wrappers-app.jsx')) };
  },
  async 'Vue 3'() {
    const app = await bundle('vue-app.js', {
      // The template is compiled in the browser, as a host without a build step for .vue files does.
      alias: { vue: 'vue/dist/vue.esm-bundler.js' },
      define: {
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    });
    return { '/index.html': htmlFile(page()), '/app.js': js(app) };
  },
  async 'plain HTML with the unpkg bundle'() {
    return { '/index.html': htmlFile(readFileSync(join(snippets, 'plain.html'), 'utf8')) };
  },
};

const bundleFile = readFileSync(join(root, 'dist/org-dashboard-elements.bundle.js'));
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
let passed = 0;
let failed = 0;

for (const [name, makeSite] of Object.entries(hosts)) {
  const server = await serve(await makeSite());
  const tab = await browser.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  // The unpkg URL of the snippet is answered with the bundle just built.
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    if (request.url().startsWith('https://unpkg.com/org-dashboard-elements'))
      void request.respond({
        status: 200,
        contentType: 'text/javascript',
        headers: { 'access-control-allow-origin': '*' },
        body: bundleFile,
      });
    else if (request.url().startsWith(server.url)) void request.continue();
    else void request.abort();
  });
  apiRequests = 0;
  try {
    await tab.goto(`${server.url}/`);
    await tab.evaluate(() => (globalThis.samePage = true));
    // The content arrives from the API through the adapter the host passed in.
    await tab.waitForFunction(
      (orgName) => {
        const dashboard = document.querySelector('org-dashboard');
        const cards = [...(dashboard?.shadowRoot?.querySelectorAll('[part~="grid"] > *') ?? [])];
        return (
          cards.length === 6 &&
          cards.every((card) => card.state === 'ready' || card.state === 'empty') &&
          cards[0].shadowRoot.textContent.includes(orgName)
        );
      },
      { timeout: 60_000 },
      ORG_NAME,
    );
    if (apiRequests < 7) throw new Error(`only ${apiRequests} API requests`);
    // A click on "View past invoices": the host's listener catches od-view-invoices and routes in place.
    await tab.evaluate(() => {
      const billing = document.querySelector('org-dashboard').shadowRoot.querySelector('[part~="billing"]');
      billing.shadowRoot.querySelector('[part~="view-invoices"]').click();
    });
    await tab.waitForFunction((path) => location.pathname === path, { timeout: 60_000 }, INVOICES);
    if (!(await tab.evaluate(() => globalThis.samePage))) throw new Error('the page reloaded');
    if (problems.length) throw new Error(problems.join('; '));
    passed += 1;
    console.log(`  ok  integration: ${name}: dashboard mounted with an adapter, od-view-invoices routed`);
  } catch (error) {
    failed += 1;
    console.log(
      `  FAIL integration: ${name}\n      ${error.message}${problems.length ? `\n      ${problems.join('\n      ')}` : ''}`,
    );
  } finally {
    await tab.close();
    await server.close();
  }
}

await browser.close();
rmSync(work, { recursive: true, force: true });
recordResults('Integration', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
