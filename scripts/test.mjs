// `npm test`: the browser test suite in a system Chromium, with a closing
// `N passed, N failed` line of its own (Web Test Runner's is not alone on a line).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { findChrome, INSTALL_HINT } from './find-chrome.mjs';

const chrome = findChrome();
if (!chrome) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

const child = spawn(
  'npx',
  ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  {
    env: { ...process.env, CHROME_PATH: chrome },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);

let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});

child.on('close', (code) => {
  // Web Test Runner prints e.g. "Chromium: |████| 3/3 test files | 8 passed, 0 failed".
  const matches = [...stripVTControlCharacters(tail).matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = matches.at(-1);
  const passed = last ? Number(last[1]) : 0;
  const failed = last ? Number(last[2]) : code === 0 ? 0 : 1;
  writeFileSync('.test-totals.json', JSON.stringify({ passed, failed, exitCode: code }));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code ?? 1);
});
