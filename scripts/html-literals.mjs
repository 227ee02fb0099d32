// Shrinks the markup inside Lit `html` tagged templates of the built modules in dist/, as
// minify-css-literals.mjs does for `css`: host bundlers minify JavaScript but leave template
// strings alone, so without this every host would ship our indentation. Only the spaces and tabs
// around a line break are removed: the break stays, so there is whitespace wherever there was, the
// browser renders the same text in every `white-space` mode but `pre` and `pre-wrap` (which no
// template here uses), and line numbers stay true to the source maps (columns inside a template
// may not). Literals are found by parsing (acorn), so `${}` parts and nested
// templates are handled; expressions are left as they are.
import { rewriteTaggedLiterals } from './tagged-literals.mjs';

const BREAK_AND_INDENT = /[ \t]*\n[ \t]*/g;

/** The module with the whitespace of its `html` literals shrunk. */
export function minifyHtmlIn(code) {
  return rewriteTaggedLiterals(code, 'html', (pieces) =>
    pieces.map((raw) => raw.replace(BREAK_AND_INDENT, '\n')),
  );
}
