// One results file for CI: every check records its counts under its own name in .ci-results.json
// (relative to the repository root), and `.ci/run` sums that one file at the end.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '.ci-results.json');

function read() {
  return existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {};
}

/**
 * Records the counts of one check (replacing an earlier run of the same check) and prints them as
 * `<check>: N passed, N failed` (with `, N skipped` when some were). `failures` names the failed
 * tests (with their first error line), so the end of CI's output, which may be all one gets of it,
 * says which tests failed and not only how many.
 */
export function recordResults(check, { passed, failed, skipped = 0, failures = [] }) {
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ ...read(), [check]: { passed, failed, skipped, failures } }, null, 2)}\n`,
  );
  console.log(`${check}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

// `node scripts/results.mjs --clear` before a run; `--sum` prints "PASSED FAILED" of every check;
// `--failures` lists every check's failed tests.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--clear')) rmSync(RESULTS_FILE, { force: true });
  if (process.argv.includes('--sum')) {
    const checks = Object.values(read());
    const total = (key) => checks.reduce((sum, counts) => sum + counts[key], 0);
    console.log(`${total('passed')} ${total('failed')}`);
  }
  if (process.argv.includes('--failures')) {
    for (const [check, { failures = [] }] of Object.entries(read())) {
      for (const failure of failures) console.log(`failed test (${check}): ${failure}`);
    }
  }
}
