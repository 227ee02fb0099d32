// Applies html-literals.mjs to every built module in dist/ (that module has no Node imports, so the
// browser tests can run it too).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyHtmlIn } from './html-literals.mjs';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.js')) yield path;
  }
}

/** Shrinks every `html` literal below `dir`; returns the bytes saved. */
export function minifyHtmlLiterals(dir) {
  let saved = 0;
  for (const file of files(dir)) {
    const code = readFileSync(file, 'utf8');
    if (!/\bhtml\s*`/.test(code)) continue;
    const next = minifyHtmlIn(code);
    if (next !== code) {
      saved += code.length - next.length;
      writeFileSync(file, next);
    }
  }
  return saved;
}
