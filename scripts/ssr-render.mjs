// What test-ssr.mjs and its cases (ssr-viewers.mjs, ssr-locales.mjs, ssr-context.mjs) share: a
// template rendered as a server must, a browser page served from memory, and its hydration.
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

/**
 * Serves `main` (server-rendered markup) as a page of its own with `served`'s files, its module
 * `client` (bundled here) or else test-ssr's `/client.js` (which gives each `main > tag` its
 * `cardData[tag]`), and opens it in `browser`, in `timeZone` when given. Runs `prepare(prepareArg)`
 * in the page (what the viewer's browser already holds), then hydrates: each card's server-rendered
 * frame is marked, the tags are defined, and the cards' updates and two frames are waited for.
 * Resolves `{ page, problems, adopted }`, or `{ page, problems, error }` when hydration threw; the
 * caller reads the page and closes it.
 */
export async function hydratePage(
  browser,
  served,
  { main, client, cardData = {}, timeZone, prepare, prepareArg },
) {
  const script = client ? '/page.js' : '/client.js';
  const files = {
    ...served,
    '/page': [
      'text/html; charset=utf-8',
      `<!doctype html><html lang="en"><head><meta charset="utf-8" /></head><body>
<main>${main}</main>
<script type="application/json" id="card-data">${JSON.stringify(cardData).replace(/</g, '\\u003c')}</script>
<script type="module" src="${script}"></script></body></html>`,
    ],
  };
  if (client) files['/page.js'] = ['text/javascript', await bundleClient(client)];
  const { page, problems } = await openServedPage(browser, files);
  if (timeZone) await page.emulateTimezone(timeZone);
  await page.goto('http://ssr.test/page');
  await page.waitForFunction(() => typeof window.hydrate === 'function');
  if (prepare) await page.evaluate(prepare, prepareArg);
  const outcome = await page
    .evaluate(async () => {
      const cards = [...document.querySelectorAll('main *')].filter((el) =>
        el.shadowRoot?.querySelector('[part~="card"]'),
      );
      const frame = (card) => card.shadowRoot.querySelector('[part~="card"]');
      for (const card of cards) frame(card).dataset.fromServer = 'yes';
      await window.hydrate();
      for (const card of cards) await card.updateComplete;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (const card of cards) await card.updateComplete;
      return cards.every((card) => frame(card)?.dataset.fromServer === 'yes');
    })
    // A hydration that throws rejects the cards' updates: each case reports it.
    .then(
      (adopted) => ({ adopted }),
      (error) => ({ error }),
    );
  return { page, problems, ...outcome };
}
