// Minifies the CSS inside Lit `css` tagged templates of the built modules in dist/. Host bundlers
// minify JavaScript but leave template strings alone, so without this every host would ship our
// indentation and comments. Only literals without `${}` or backslashes are touched, and only
// whitespace and comments are removed: what the browser parses stays the same.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LITERAL = /\bcss ?`([^`$\\]*)`/g;

export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

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
  return shrinkModules(dir, (code) => code.replace(LITERAL, (_, css) => `css\`${minifyCss(css)}\``));
}
