// Renders the whole dashboard (and the activity log) on a page served with a strict Content Security
// Policy and Trusted Types, in headless Chromium, and counts `securitypolicyviolation` events: there
// must be none. The page (test/csp/) is bundled with esbuild into a temporary folder and served from
// 127.0.0.1 by a tiny server that adds the CSP header. Records its counts for .ci/run (scripts/results.mjs).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
/* global document, window */
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const chrome = requireBrowser('chromium');

const root = mkdtempSync(join(tmpdir(), 'od-csp-'));
await build({
  entryPoints: ['test/csp/entry.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(root, 'entry.js'),
  tsconfig: 'tsconfig.json',
  conditions: ['browser'],
  logLevel: 'warning',
});
copyFileSync('test/csp/index.html', join(root, 'index.html'));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  try {
    if (!file.startsWith(root)) throw new Error('outside');
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': STRICT_CSP,
    });
    response.end(body);
  } catch {
    response.writeHead(path === '/favicon.ico' ? 204 : 404, { 'content-security-policy': STRICT_CSP }).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
const consoleErrors = [];
page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') consoleErrors.push(`console.error: ${message.text()}`);
});

let passed = 0;
let failed = 0;
function check(name, problems) {
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ok  csp: ${name}`);
  } else {
    failed += 1;
    console.log(`  FAIL csp: ${name}\n      ${problems.join('\n      ')}`);
  }
}

try {
  const response = await page.goto(url);
  check('the page is served with the strict policy', [
    ...(response?.headers()['content-security-policy'] === STRICT_CSP ? [] : ['no CSP header']),
  ]);
  const states = await page
    .waitForFunction(
      () => {
        const dashboard = document.querySelector('org-dashboard');
        const cards = [...(dashboard?.shadowRoot?.querySelectorAll('[part~="grid"] > *') ?? [])];
        const log = document.querySelector('activity-log');
        if (cards.length < 6 || cards.some((card) => !card.state || card.state === 'loading')) return false;
        if (log && log.state === 'loading') return false;
        return Object.fromEntries(
          [...cards, ...(log ? [log] : [])].map((card) => [card.localName, card.state]),
        );
      },
      { timeout: 60_000, polling: 100 },
    )
    .then((handle) => handle.jsonValue());
  const notShown = Object.entries(states).filter(([, state]) => !['ready', 'empty'].includes(state));
  check(
    'every card renders under Trusted Types',
    notShown.map(([tag, state]) => `${tag}: ${state}`),
  );
  // Open what opens on demand, so those templates render too.
  await page.evaluate(() => {
    const all = (root) =>
      [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
    for (const button of all(document).filter(
      (e) => e.localName === 'button' && e.getAttribute('aria-expanded') === 'false',
    )) {
      button.click();
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const violations = await page.evaluate(() => window.cspViolations);
  check('zero securitypolicyviolation events', violations);
  check('no errors logged', consoleErrors);
} catch (error) {
  check('the page renders', [error.message]);
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
}

recordResults('CSP', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
