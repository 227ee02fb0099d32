// Minifies the CSS inside Lit `css` tagged templates of a built module: comments and whitespace
// only, so what the browser parses stays the same. Host bundlers minify JavaScript but leave template
// strings alone. Literals are found by parsing (acorn), so a literal with `${}` parts (a shared sheet
// such as the host reset, or a value) is minified around them; expressions stay as they are. No Node
// imports: the browser tests run it against the library's own style sheets.
import { rewriteTaggedLiterals } from './tagged-literals.mjs';

/** CSS without comments and without the whitespace the parser ignores. */
export function minifyCss(css) {
  return minifyPiece(css, { first: true, last: true });
}

/**
 * One static piece of a literal. Next to a `${}` part (not `first`, or not `last`) a run of
 * whitespace stays one space: the part may be a value (`1px solid ${color}`), where it separates.
 */
function minifyPiece(css, { first, last }) {
  let out = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
  if (first) out = out.trimStart();
  if (last) out = out.trimEnd();
  return out;
}

/** The module with the CSS of its `css` literals minified. */
export function minifyCssIn(code) {
  if (!/\bcss\s*`/.test(code)) return code;
  return rewriteTaggedLiterals(code, 'css', (pieces) =>
    // An escape (`\\`, `\``) means the raw text is not the CSS: such a literal is left as written.
    pieces.some((raw) => raw.includes('\\'))
      ? undefined
      : pieces.map((raw, i) => minifyPiece(raw, { first: i === 0, last: i === pieces.length - 1 })),
  );
}
