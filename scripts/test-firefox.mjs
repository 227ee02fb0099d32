// `npm run test:firefox`: the browser tests in Firefox ESR, with a closing `N passed, N failed`
// line and .firefox-totals.json for .ci/run's totals. Arguments go to Web Test Runner (e.g. --files).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { FIREFOX_HINT, findFirefox } from './find-firefox.mjs';

if (!findFirefox()) {
  console.error(FIREFOX_HINT);
  process.exit(1);
}

const child = spawn(
  'npx',
  ['web-test-runner', '--config', 'web-test-runner.firefox.config.mjs', ...process.argv.slice(2)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);

let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});

child.on('close', (code) => {
  const matches = [
    ...stripVTControlCharacters(tail).matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g),
  ];
  const last = matches.at(-1);
  const passed = last ? Number(last[1]) : 0;
  const failed = last ? Number(last[2]) : code === 0 ? 0 : 1;
  // Tests that skip themselves in Firefox, each with its reason in the browser logs above
  // (test/helpers/browsers.ts): counted apart, never as passed.
  const skipped = last?.[3] ? Number(last[3]) : 0;
  writeFileSync('.firefox-totals.json', JSON.stringify({ passed, failed, skipped, exitCode: code }));
  console.log(
    `Firefox: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped in Firefox)` : ''}`,
  );
  process.exit(code ?? 1);
});
