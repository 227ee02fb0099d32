// `npm test` (Chromium) and `npm run test:firefox` (`--browser firefox`): the browser test suite in a
// system browser, with a closing `N passed, N failed` line of its own (Web Test Runner's is not alone
// on a line) and the counts recorded for .ci/run. Other arguments go to Web Test Runner (`--files`).
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--browser');
const browser = at >= 0 ? args.splice(at, 2)[1] : 'chromium';
const firefox = browser === 'firefox';
const path = requireBrowser(firefox ? 'firefox' : 'chromium');
const config = firefox ? 'web-test-runner.firefox.config.mjs' : 'web-test-runner.config.mjs';

const child = spawn('npx', ['web-test-runner', '--config', config, ...args], {
  env: { ...process.env, ...(firefox ? { FIREFOX_PATH: path } : { CHROME_PATH: path }) },
  stdio: ['ignore', 'pipe', 'inherit'],
});

let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});

child.on('close', (code) => {
  // Web Test Runner prints e.g. "Chromium: |████| 3/3 test files | 8 passed, 0 failed, 2 skipped".
  const counts = [
    ...stripVTControlCharacters(tail).matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g),
  ].at(-1);
  const passed = counts ? Number(counts[1]) : 0;
  const failed = counts ? Number(counts[2]) : code === 0 ? 0 : 1;
  // Tests that skip themselves in Firefox, each with its reason in the browser logs above
  // (test/helpers/browsers.ts): counted apart, never as passed.
  const skipped = counts?.[3] ? Number(counts[3]) : 0;
  recordResults(firefox ? 'Firefox' : 'Chromium', { passed, failed, skipped });
  process.exit(code ?? 1);
});
