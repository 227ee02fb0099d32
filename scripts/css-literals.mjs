// Minifies the CSS inside Lit `css` tagged templates of a built module: comments and whitespace
// only, so what the browser parses stays the same. Host bundlers minify JavaScript but leave template
// strings alone. Literals are found by parsing (acorn), so a literal with `${}` parts (a shared sheet
// such as the host reset, or a value) is minified around them; expressions stay as they are. No Node
// imports: the browser tests run it against the library's own style sheets.
import { parse } from 'acorn';
import MagicString from 'magic-string';

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

/** Every node of an ESTree, depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* nodes(child);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}

/** The module with the CSS of its `css` literals minified. */
export function minifyCssIn(code) {
  if (!/\bcss\s*`/.test(code)) return code;
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const out = new MagicString(code);
  for (const node of nodes(ast)) {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || node.tag.name !== 'css')
      continue;
    const { quasis } = node.quasi;
    // An escape (`\\`, `\``) means the raw text is not the CSS: such a literal is left as written.
    if (quasis.some((quasi) => code.slice(quasi.start, quasi.end).includes('\\'))) continue;
    quasis.forEach((quasi, i) => {
      const raw = code.slice(quasi.start, quasi.end);
      const next = minifyPiece(raw, { first: i === 0, last: i === quasis.length - 1 });
      if (next !== raw) out.overwrite(quasi.start, quasi.end, next);
    });
  }
  return out.toString();
}
