// Opens every story of the built Storybook (storybook-static/) in headless
// Chromium and fails on any story that throws, fails to render or logs an error.
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { serveStatic } from './static-server.mjs';

const SETTLE_MS = 400;
const chrome = requireBrowser('chromium');

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const server = await serveStatic('storybook-static');
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });

async function check(story) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url ?? '';
    // The browser's own log line for an HTTP error from the mocked API is what
    // the error, no-access and stale stories ask for, not a fault.
    if (
      message.text().startsWith('Failed to load resource') &&
      new URL(url, server.url).pathname.startsWith('/api/')
    ) {
      return;
    }
    problems.push(`console.error: ${message.text()} ${url}`);
  });
  try {
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    await page.waitForFunction(
      () =>
        ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((c) =>
          document.body.classList.contains(c),
        ),
      { timeout: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const shown = await page.evaluate(() =>
      [...document.body.classList].find((c) => c.startsWith('sb-show-')),
    );
    // A story whose tags never upgraded renders nothing and throws nothing: catch that too.
    const undefinedTags = await page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('#storybook-root *')]
          .map((element) => element.localName)
          .filter((name) => name.includes('-') && !customElements.get(name)),
      ),
    ]);
    if (undefinedTags.length > 0) problems.push(`never defined: ${undefinedTags.join(', ')}`);
    if (shown !== 'sb-show-main') {
      const message = await page.evaluate(() => document.querySelector('#error-message')?.textContent ?? '');
      problems.push(`did not render (${shown}) ${message}`.trim());
    }
  } catch (error) {
    problems.push(String(error));
  } finally {
    await page.close();
  }
  return problems;
}

let passed = 0;
let failed = 0;
for (const story of stories) {
  const problems = await check(story);
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ok  ${story.id}`);
  } else {
    failed += 1;
    console.log(`  FAIL ${story.id}\n      ${problems.join('\n      ')}`);
  }
}
await browser.close();
await server.close();
recordResults('Stories', { passed, failed });
process.exit(failed === 0 && stories.length > 0 ? 0 : 1);
