// What test-ssr.mjs and ssr-viewers.mjs share: a template rendered as a server must, and a browser
// page served from memory.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A page's module, bundled for the browser; `contents` imports from the package root (`./dist/…`). */
export async function bundleClient(contents) {
  const client = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'client.js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'error',
  });
  return client.outputFiles[0].text;
}

/**
 * Renders as a server must (Next 16's prerendering refuses the clock): every clock read throws,
 * and there is no `document` or `window`.
 */
export async function renderOnServer(template) {
  const { Date: RealDate, performance: realPerformance } = globalThis;
  const saved = { document: globalThis.document, window: globalThis.window };
  const refuse = (what) => {
    throw new Error(`the server render read the clock: ${what}`);
  };
  function ClocklessDate(...args) {
    if (!new.target) refuse('Date()');
    if (args.length === 0) refuse('new Date()');
    return new RealDate(...args);
  }
  Object.setPrototypeOf(ClocklessDate, RealDate);
  ClocklessDate.prototype = RealDate.prototype;
  ClocklessDate.now = () => refuse('Date.now()');
  globalThis.Date = ClocklessDate;
  globalThis.performance = Object.create(realPerformance, {
    now: { value: () => refuse('performance.now()') },
  });
  globalThis.document = undefined;
  globalThis.window = undefined;
  try {
    return await collectResult(render(template));
  } finally {
    Object.assign(globalThis, { Date: RealDate, performance: realPerformance }, saved);
  }
}

/**
 * A page of `browser` whose requests `served` answers (path: [content type, body]); it collects
 * uncaught errors, console errors and warnings (`problems`) and the paths asked for (`requests`).
 */
export async function openServedPage(browser, served) {
  const page = await browser.newPage();
  // Tall enough to show every element at once: a virtual list renders no rows outside the viewport.
  await page.setViewport({ width: 1280, height: 1800 });
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text());
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    // Browsers ask for a favicon unprompted.
    if (path === '/favicon.ico') return void request.respond({ status: 204, body: '' });
    requests.push(path);
    const file = served[path];
    if (file)
      void request.respond({
        status: 200,
        contentType: file[0],
        body: file[1],
      });
    else void request.respond({ status: 404, body: '' });
  });
  return { page, problems, requests };
}
