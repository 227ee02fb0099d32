/**
 * Lit's `html`, with pieces of markup taken in as if written in place: a row
 * made of several small templates (its sentence, its time, who did it)
 * becomes one template, so a live entry costs one template instance instead
 * of one per piece. Lit's own `lit/static-html.js` does the same for static
 * values, keyed by their text; here the key is each piece's strings array,
 * which Lit already keeps one of per template.
 *
 * `inline(result)` marks a template to take in. Only where a child goes (never
 * in an attribute): its markup and its holes join the template around it. In
 * Lit's plain `html`, or outside a template, it renders as the nested template
 * it wraps, with the same DOM.
 */
import { html as litHtml, type nothing, type TemplateResult } from 'lit';
import { Directive, directive, type DirectiveResult } from 'lit/directive.js';

class InlineDirective extends Directive {
  render(result: TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    return result;
  }
}

/** A template to take into the `html` template around it, markup and holes (`nothing` stays a hole). */
export const inline = directive(InlineDirective);

type Inlined = DirectiveResult<typeof InlineDirective>;

/** Lit's key for a directive result (`_$litDirective$`) and for a template's type (`_$litType$`, 1: HTML). */
const DIRECTIVE = '_$litDirective$';
const TYPE = '_$litType$';

/** The HTML template an `inline()` wraps, or undefined for any other value (which stays a hole). */
function inlinedTemplate(value: unknown): TemplateResult | undefined {
  const wrapped = value as (Inlined & { values: [TemplateResult] }) | undefined;
  const result =
    (wrapped as Record<string, unknown> | undefined)?.[DIRECTIVE] === InlineDirective
      ? wrapped!.values[0]
      : undefined;
  return (result as Record<string, unknown> | undefined)?.[TYPE] === 1 ? result : undefined;
}

/** Each combination of pieces taken in, one step per hole: a hole kept, or the strings of the piece. */
interface Node {
  strings?: TemplateStringsArray;
  readonly next: WeakMap<readonly string[], Node>;
}
/** The step of a hole kept; the first step is the template's own strings. */
const KEPT: readonly string[] = [];
const ROOT: Node = { next: new WeakMap() };

function step({ next }: Node, key: readonly string[]): Node {
  let node = next.get(key);
  if (!node) next.set(key, (node = { next: new WeakMap() }));
  return node;
}

/** The template's strings with each piece's strings joined in where its hole was. */
function joinedStrings(
  strings: TemplateStringsArray,
  pieces: readonly (TemplateResult | undefined)[],
): TemplateStringsArray {
  const joined = [strings[0]];
  pieces.forEach((piece, i) => {
    if (piece) {
      joined[joined.length - 1] += piece.strings[0];
      joined.push(...piece.strings.slice(1));
    } else joined.push('');
    joined[joined.length - 1] += strings[i + 1];
  });
  // Lit takes only arrays shaped as a tag's strings (with `raw`) as templates.
  return Object.assign(joined, { raw: joined }) as unknown as TemplateStringsArray;
}

/**
 * Lit's `html`: the same template, with every `inline()` value's template
 * taken in. The joined strings are made the first time a combination of
 * pieces is met and kept while the strings they come from are, so Lit
 * prepares each once and a render that meets it again (each row of a list,
 * each live entry) only finds them.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): TemplateResult {
  const pieces = values.map(inlinedTemplate);
  if (!pieces.some(Boolean)) return litHtml(strings, ...values);
  let node = step(ROOT, strings);
  const holes: unknown[] = [];
  pieces.forEach((piece, i) => {
    node = step(node, piece?.strings ?? KEPT);
    if (piece) holes.push(...piece.values);
    else holes.push(values[i]);
  });
  node.strings ??= joinedStrings(strings, pieces);
  return litHtml(node.strings, ...holes);
}
