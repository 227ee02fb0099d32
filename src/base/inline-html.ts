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

/**
 * The template's strings with each piece's strings joined in where its hole was: the strings Lit
 * prepares once for this combination of pieces.
 */
function joinedStrings(strings: TemplateStringsArray, values: readonly unknown[]): TemplateStringsArray {
  const joined = [strings[0]];
  values.forEach((value, i) => {
    const piece = inlinedTemplate(value);
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
 * taken in. The joined strings are made once per combination of pieces and
 * kept while the strings they come from are, so Lit prepares each once; a
 * render that meets the combination again only finds them (each row of a
 * list, each live entry).
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): TemplateResult {
  let node: Node | undefined;
  let holes: unknown[] = values;
  for (let i = 0; i < values.length; i += 1) {
    const piece = inlinedTemplate(values[i]);
    if (!node) {
      if (!piece) continue;
      // The first piece: the holes before it are kept as they are.
      node = step(ROOT, strings);
      for (let kept = 0; kept < i; kept += 1) node = step(node, KEPT);
      holes = values.slice(0, i);
    }
    node = step(node, piece?.strings ?? KEPT);
    if (piece) holes.push(...piece.values);
    else holes.push(values[i]);
  }
  if (!node) return litHtml(strings, ...values);
  node.strings ??= joinedStrings(strings, values);
  return litHtml(node.strings, ...holes);
}
