// Screenshots of built pages for the docs: `node scripts/screenshot.mjs <site dir> <path?query> <out.png> [width] [height]`.
// (Live pages keep a stream open, so it waits a moment after load instead of for an idle network.)
// e.g. node scripts/screenshot.mjs storybook-static 'iframe.html?id=cards-org-info-card--ready' docs/screenshot.png
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { serveStatic } from './static-server.mjs';

const [site, path, out, width = '640', height = '400'] = process.argv.slice(2);
if (!site || !path || !out) {
  console.error('usage: node scripts/screenshot.mjs <site dir> <path?query> <out.png> [width] [height]');
  process.exit(2);
}
const chrome = requireBrowser('chromium');
const server = await serveStatic(site);
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: Number(height), deviceScaleFactor: 1 });
  await page.goto(`${server.url}/${path}`);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
