// The self-contained bundle for `<script type="module">` use: registers the default tags and exports
// everything the package root exports, with Lit inside. It is built from tsc's output in dist/ (run
// `npm run build`, which runs tsc first), so no TypeScript plugin is needed here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const root = dirname(fileURLToPath(import.meta.url));
const dist = resolve(root, 'dist');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

export const BUNDLE_FILE = 'dist/org-dashboard-elements.bundle.js';
/**
 * The bundle's first line: V8 (Chrome 136 and later) then compiles its functions on a background
 * thread while it streams in, instead of each on the main thread at its first call. Nearly all of it
 * runs in the first render; measured in the benchmarks' first render (BENCHMARKS.md, section 1).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const ENTRY_ID = '\0org-dashboard-elements-bundle-entry';

/** The bundle's entry, with no file of its own: the package root's exports plus the default tags. */
function virtualEntry() {
  return {
    name: 'virtual-entry',
    resolveId(source) {
      return source === ENTRY_ID ? ENTRY_ID : null;
    },
    load(id) {
      if (id !== ENTRY_ID) return null;
      const index = JSON.stringify(resolve(dist, 'index.js'));
      const define = JSON.stringify(resolve(dist, 'define.js'));
      return `export * from ${index};\nimport ${define};\n`;
    },
  };
}

/** Loads tsc's source maps next to dist/*.js, so the bundle's map leads back to src/*.ts. */
function distSourceMaps() {
  return {
    name: 'dist-source-maps',
    load(id) {
      if (!id.startsWith(dist) || !id.endsWith('.js') || !existsSync(`${id}.map`)) return null;
      const code = readFileSync(id, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      const map = JSON.parse(readFileSync(`${id}.map`, 'utf8'));
      const base = resolve(dirname(id), map.sourceRoot ?? '');
      map.sources = map.sources.map((source) => resolve(base, source));
      map.sourceRoot = undefined;
      return { code, map };
    },
  };
}

/** MSW and the mock data are for tests and Storybook: they must never reach the bundle. */
function forbidMocks() {
  return {
    name: 'forbid-mocks',
    load(id) {
      if (
        /[\\/]node_modules[\\/](msw|@mswjs)[\\/]/.test(id) ||
        id === resolve(dist, 'msw.js') ||
        id.startsWith(resolve(dist, 'mocks'))
      ) {
        this.error(`${id} must not be part of the bundle (MSW and mocks stay out of it)`);
      }
      return null;
    },
  };
}

/**
 * The bundle's opening comment: this package, then each bundled third-party package with its version,
 * license (from its package.json) and copyright lines (from its modules). Terser keeps only `/*!`
 * comments, so Lit's license comments appear here once instead of once per module.
 */
function banner(chunk) {
  const bundled = new Map();
  for (const id of chunk.moduleIds) {
    const match = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
    if (!match) continue;
    if (!bundled.has(match[2])) {
      const meta = JSON.parse(readFileSync(resolve(match[1], match[2], 'package.json'), 'utf8'));
      bundled.set(match[2], { meta, copyrights: new Set() });
    }
    const source = existsSync(id) ? readFileSync(id, 'utf8') : '';
    for (const [, line] of source.matchAll(/(Copyright [^\n*]*?)\s*(?:\*\/|\n)/g))
      bundled.get(match[2]).copyrights.add(line.trim());
  }
  const credits = [...bundled.values()].map(({ meta, copyrights }) =>
    [`${meta.name} ${meta.version}: ${meta.license ?? 'see its package'}`, ...copyrights].join(', '),
  );
  const lines = [`${pkg.name} v${pkg.version} | ${pkg.license}`];
  if (credits.length) lines.push('Includes:', ...credits.sort().map((credit) => `  ${credit}`));
  return `${COMPILE_HINT}\n/*! ${lines.join('\n * ')} */`;
}

/** @type {import('rollup').RollupOptions} */
export default {
  input: ENTRY_ID,
  output: {
    file: BUNDLE_FILE,
    format: 'es',
    sourcemap: true,
    inlineDynamicImports: true,
    banner,
  },
  plugins: [
    virtualEntry(),
    forbidMocks(),
    distSourceMaps(),
    // A production build: no 'development' condition, so Lit's dev mode (warnings, checks) stays out.
    nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }),
    terser({
      ecma: 2022,
      module: true,
      compress: { passes: 2 },
      // The credits (`/*!`) and the compile hint, which must stay the file's first line.
      // (The plugin hands its options to worker threads: a pattern, since a function would lose COMPILE_HINT.)
      format: { comments: new RegExp(`^!|^${COMPILE_HINT.slice('//'.length)}$`) },
    }),
  ],
  onwarn(warning, warn) {
    // tsc's `__decorate` helper reads the top-level `this`, which is `undefined` in a module.
    if (warning.code === 'THIS_IS_UNDEFINED' && warning.id?.startsWith(dist)) return;
    // Everything must be inside the bundle: an unresolved import is an error, not an external.
    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    warn(warning);
  },
};
