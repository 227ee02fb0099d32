// Shrinks the markup inside Lit `html` tagged templates of the built modules in dist/, as
// minify-css-literals.mjs does for `css`: host bundlers minify JavaScript but leave template
// strings alone, so without this every host would ship our indentation. Only the spaces and tabs
// around a line break are removed: the break stays, so there is whitespace wherever there was, the
// browser renders the same text in every `white-space` mode but `pre` and `pre-wrap` (which no
// template here uses), and line numbers stay true to the source maps (columns inside a template
// may not). Literals are found by parsing (acorn), so `${}` parts and nested
// templates are handled; expressions are left as they are.
import { parse } from 'acorn';
import MagicString from 'magic-string';

const BREAK_AND_INDENT = /[ \t]*\n[ \t]*/g;
/** Every node of an ESTree, depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* nodes(child);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}

/** The module with the whitespace of its `html` literals shrunk. */
export function minifyHtmlIn(code) {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const out = new MagicString(code);
  for (const node of nodes(ast)) {
    if (
      node.type !== 'TaggedTemplateExpression' ||
      node.tag.type !== 'Identifier' ||
      node.tag.name !== 'html'
    )
      continue;
    for (const quasi of node.quasi.quasis) {
      const raw = code.slice(quasi.start, quasi.end);
      const next = raw.replace(BREAK_AND_INDENT, '\n');
      if (next !== raw) out.overwrite(quasi.start, quasi.end, next);
    }
  }
  return out.toString();
}
