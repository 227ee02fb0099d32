// `node scripts/themes.mjs`: writes what src/themes/tokens.ts, the one source of the token values,
// generates: src/themes/light.ts, dark.ts and shared.ts, and the token table in README.md (between its markers).
// `npm run build` runs it first, then writes dist/themes/*.css with themeCss(). test/theming fails
// while a generated file is out of date. Exports tokenSets() for the build.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { themeSources, tokenTable, withTokenTable } from './theme-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** tokens.ts's exports, compiled in memory (Node 20 does not run TypeScript). */
export async function tokenSets() {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src/themes/tokens.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = Buffer.from(outputFiles[0].contents).toString('base64');
  return import(`data:text/javascript;base64,${code}`);
}

/** Writes `text` to `file` if it differs; returns whether it did. */
function update(file, text) {
  const path = join(root, file);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeFileSync(path, text);
  return true;
}

export async function writeThemeSources() {
  const tokens = await tokenSets();
  const sets = { light: tokens.lightTokens, dark: tokens.darkTokens };
  const changed = Object.entries(themeSources(sets))
    .filter(([file, text]) => update(file, text))
    .map(([file]) => file);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const [light, dark] = [sets.light, sets.dark].map(tokens.tokenDefaults);
  const table = tokenTable(tokens.TOKEN_DESCRIPTIONS, light, dark);
  if (update('README.md', withTokenTable(readme, table))) changed.push('README.md');
  return { sets, changed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { changed } = await writeThemeSources();
  console.log(
    changed.length
      ? `rewritten from tokens.ts: ${changed.join(', ')}`
      : 'generated theme files are up to date',
  );
}
