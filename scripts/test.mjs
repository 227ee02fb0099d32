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
// Web Test Runner names a failed test on a "❌ suite > test" line under its file's line and follows
// it with the error; each is kept as "file: suite > test: error", with the error's first three lines
// (a generated test's seed is on its second), once however often it is printed.
const failures = new Set();
let line = '';
let file = '';
let failedTest = '';
let errorLines = [];
function keepFailure() {
  if (failedTest) failures.add(`${failedTest}: ${errorLines.join(' | ').slice(0, 400)}`);
  failedTest = '';
  errorLines = [];
}
function readLine(text) {
  const plain = stripVTControlCharacters(text).trim();
  if (/^\S+\.test\.[jt]s:?$/.test(plain)) {
    keepFailure();
    file = plain.replace(/:$/, '');
  } else if (plain.startsWith('❌')) {
    keepFailure();
    failedTest = `${file}: ${plain.slice(1).trim()}`;
  } else if (failedTest && plain) {
    errorLines.push(plain);
    if (errorLines.length === 3) keepFailure();
  }
}
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const text = chunk.toString();
  tail = (tail + text).slice(-4000);
  const lines = (line + text).split('\n');
  line = lines.pop() ?? '';
  lines.forEach(readLine);
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
  readLine(line);
  keepFailure();
  recordResults(firefox ? 'Firefox' : 'Chromium', {
    passed,
    failed,
    skipped,
    failures: [...failures].slice(0, 40),
  });
  process.exit(code ?? 1);
});
