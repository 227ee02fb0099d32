// `node scripts/test-framework-types.mjs` (after `npm run build`): the types-only entries
// `org-dashboard-elements/svelte`, `/solid` and `/preact` make each framework's own checker catch
// mistakes. Packs the package, installs the checkers pinned in scripts/framework-types/package-lock.json
// (svelte + svelte-check, solid-js, preact, typescript: kept out of the repository's own install) and the
// tarball into a temporary project, then checks the host files of scripts/framework-types/<framework>/:
// svelte-check for Svelte 5, tsc with `jsxImportSource` solid-js and preact. `good.*` must pass with no
// diagnostic (the Embedding guide's Svelte snippet, stories/embedding/Dashboard.svelte, among them); each
// `bad-*` file must fail, only on its planted line, with the expected message.
// Records its counts for .ci/run (scripts/results.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { manifestMismatches } from './framework-types/manifest-match.mjs';
import { recordResults } from './results.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'scripts/framework-types');
const work = mkdtempSync(join(tmpdir(), 'od-framework-types-'));

/**
 * What each planted error must produce: the text on the planted line, and a pattern the diagnostic
 * there must match (TypeScript's wording, as svelte-check and tsc print it).
 */
const PLANTED = {
  'bad-adapter': { line: '42}', message: /'number' is not assignable to type '.*DashboardAdapter/ },
  'bad-handler': {
    line: 'od-view-invoices={onClick}',
    message: /MouseEvent.*not assignable|not assignable to.*MouseEvent/s,
  },
};

/** Runs a command in `cwd`, returning its exit status and output together. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The planted-error kind of a fixture file (`BadAdapter.svelte` → bad-adapter), or undefined. */
const plantedKind = (file) =>
  basename(file)
    .replace(/\.\w+$/, '')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();

/**
 * Judges one checker's diagnostics (`{ file, line, message }`) against the fixture folder: good files
 * clean, each bad file failing on its planted line only, with the expected message.
 */
function judge(folder, diagnostics) {
  const problems = [];
  const caught = [];
  const files = readdirSync(folder).filter((f) => /\.(svelte|tsx)$/.test(f));
  for (const file of files) {
    const own = diagnostics.filter((d) => basename(d.file) === file);
    const planted = PLANTED[plantedKind(file)];
    if (!planted) {
      if (own.length)
        problems.push(`${file} should pass:\n${own.map((d) => `  ${d.line}: ${d.message}`).join('\n')}`);
      continue;
    }
    const lines = readFileSync(join(folder, file), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes(planted.line)) + 1;
    if (!own.length) problems.push(`${file}: the planted error (line ${line}) was not caught`);
    else caught.push(`${file}:${line}: ${own[0].message.slice(0, 160)}`);
    for (const d of own)
      if (d.line !== line || !planted.message.test(d.message))
        problems.push(`${file}: unexpected diagnostic at line ${d.line}: ${d.message}`);
  }
  return { problems, files: files.length, caught };
}

/** Copies a framework's fixtures and a tsconfig into the host project; returns the folder. */
function stage(framework, compilerOptions) {
  const folder = join(work, framework);
  cpSync(join(fixtures, framework), folder, { recursive: true });
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        // The package's declarations are checked too, the generated ones among them.
        skipLibCheck: false,
        types: [],
        ...compilerOptions,
      },
      include: ['*.d.ts', '*.tsx', '*.ts', '*.svelte'],
    }),
  );
  return folder;
}

/** tsc's diagnostics: `file(line,col): error TS1234: message` and its continuation lines. */
function tscDiagnostics(output) {
  const diagnostics = [];
  for (const text of output.split('\n')) {
    const hit = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(text);
    if (hit) diagnostics.push({ file: hit[1], line: Number(hit[2]), message: hit[3] });
    else if (diagnostics.length && /^\s+\S/.test(text)) diagnostics.at(-1).message += ` ${text.trim()}`;
  }
  return diagnostics;
}

const tsc = join(work, 'node_modules/typescript/bin/tsc');

function checkJsx(framework, compilerOptions) {
  const folder = stage(framework, compilerOptions);
  const { status, output } = run(process.execPath, [tsc, '-p', folder], work);
  const diagnostics = tscDiagnostics(output);
  if (status !== 0 && !diagnostics.length) throw new Error(`tsc failed without diagnostics:\n${output}`);
  return judge(folder, diagnostics);
}

const checks = {
  'pack the package and install it with the pinned checkers'() {
    const [info] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
    );
    cpSync(join(fixtures, 'package.json'), join(work, 'package.json'));
    cpSync(join(fixtures, 'package-lock.json'), join(work, 'package-lock.json'));
    const flags = ['--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
    for (const args of [
      ['ci', ...flags],
      ['install', '--no-save', ...flags, join(work, info.filename)],
    ]) {
      const install = run('npm', args, work);
      if (install.status !== 0) throw new Error(`npm ${args[0]} failed:\n${install.output}`);
    }
  },
  "the types of every framework (JSX, Vue, Svelte, Solid, Preact, Angular, React) name exactly the manifest's settable properties and events"() {
    const ts = createRequire(join(work, 'package.json'))('typescript');
    const problems = manifestMismatches(ts, join(work, 'node_modules/org-dashboard-elements'));
    return { problems, caught: [] };
  },
  'Svelte 5 (svelte-check): correct code passes, adapter={42} and a MouseEvent handler fail'() {
    const folder = stage('svelte', {});
    // The Embedding guide's Svelte snippet is correct code too.
    cpSync(join(root, 'stories/embedding/Dashboard.svelte'), join(folder, 'EmbeddingSnippet.svelte'));
    const { status, output } = run(
      process.execPath,
      [
        join(work, 'node_modules/svelte-check/bin/svelte-check'),
        '--workspace',
        folder,
        '--tsconfig',
        join(folder, 'tsconfig.json'),
        '--output',
        'machine',
        '--fail-on-warnings',
      ],
      work,
    );
    // Machine output: `<time> ERROR "file" line:col "message"` (line 1-based).
    const diagnostics = [...output.matchAll(/^\d+ (?:ERROR|WARNING) "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(
      ([, file, line, message]) => ({ file, line: Number(line), message: message.replace(/\\n/g, ' ') }),
    );
    if (status !== 0 && !diagnostics.length) throw new Error(`svelte-check failed:\n${output}`);
    return judge(folder, diagnostics);
  },
  'Solid (tsc, jsxImportSource solid-js): correct code passes, prop:adapter={42} and a MouseEvent on: handler fail'() {
    return checkJsx('solid', { jsx: 'preserve', jsxImportSource: 'solid-js' });
  },
  'Preact (tsc, jsxImportSource preact): correct code passes, adapter={42} and a MouseEvent handler fail'() {
    return checkJsx('preact', { jsx: 'react-jsx', jsxImportSource: 'preact' });
  },
};

let passed = 0;
let failed = 0;
for (const [name, check] of Object.entries(checks)) {
  const started = Date.now();
  try {
    const result = check();
    if (result?.problems.length) throw new Error(result.problems.join('\n'));
    passed += 1;
    const files = result?.files ? `, ${result.files} files` : '';
    console.log(`  ok  framework types: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s${files})`);
    for (const line of result?.caught ?? []) console.log(`      caught ${line}`);
  } catch (error) {
    failed += 1;
    console.log(
      `  FAIL framework types: ${name}\n      ${String(error.message).trim().split('\n').join('\n      ')}`,
    );
    if (passed === 0) break;
  }
}
rmSync(work, { recursive: true, force: true });
recordResults('Framework types', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
