// The one walk both literal minifiers use (html-literals.mjs, css-literals.mjs): find each template
// tagged `tag` by parsing (acorn, so `${}` parts and nested templates are handled) and let `rewrite`
// replace the raw text of its static pieces. No Node imports: the browser tests run it too.
import { parse } from 'acorn';
import MagicString from 'magic-string';

/** Every node of an ESTree, depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* nodes(child);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}

/**
 * `code` with the static pieces of every `tag`-tagged template rewritten: `rewrite` gets each
 * literal's pieces (raw text, in order) and returns their new texts, or undefined to leave it.
 */
export function rewriteTaggedLiterals(code, tag, rewrite) {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const out = new MagicString(code);
  for (const node of nodes(ast)) {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || node.tag.name !== tag)
      continue;
    const { quasis } = node.quasi;
    const next = rewrite(quasis.map((quasi) => code.slice(quasi.start, quasi.end)));
    quasis.forEach((quasi, i) => {
      if (next && next[i] !== code.slice(quasi.start, quasi.end))
        out.overwrite(quasi.start, quasi.end, next[i]);
    });
  }
  return out.toString();
}
