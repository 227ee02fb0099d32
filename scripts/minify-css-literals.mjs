// Applies css-literals.mjs to every built module in dist/ (that module has no Node imports, so the
// browser tests run it too).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyCssIn } from './css-literals.mjs';

/** Every built module below `dir`. */
export function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (name.endsWith('.js')) yield path;
  }
}

/** Rewrites every built module below `dir` with `transform`; returns the bytes saved. */
export function shrinkModules(dir, transform) {
  let saved = 0;
  for (const file of jsFiles(dir)) {
    const code = readFileSync(file, 'utf8');
    const next = transform(code);
    if (next !== code) {
      saved += code.length - next.length;
      writeFileSync(file, next);
    }
  }
  return saved;
}

/** Minifies every `css` literal below `dir`; returns the bytes saved. */
export function minifyCssLiterals(dir) {
  return shrinkModules(dir, minifyCssIn);
}
