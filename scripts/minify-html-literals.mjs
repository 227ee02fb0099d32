// Applies html-literals.mjs to every built module in dist/ (that module has no Node imports, so the
// browser tests can run it too).
import { minifyHtmlIn } from './html-literals.mjs';
import { shrinkModules } from './minify-css-literals.mjs';

/** Shrinks every `html` literal below `dir`; returns the bytes saved. */
export function minifyHtmlLiterals(dir) {
  return shrinkModules(dir, (code) => (/\bhtml\s*`/.test(code) ? minifyHtmlIn(code) : code));
}
