import { html, type TemplateResult } from 'lit';

/** The `part` name of each placeholder a text may hold, e.g. `{ actor: 'actor' }`. */
export type PieceParts<N extends string> = Readonly<Record<N, string>>;

/** Fills a translated text's placeholders with values, each in a `<bdi>` of its own. */
export type IsolatedText<N extends string> = (
  pattern: string,
  values: Readonly<Record<N, unknown>>,
) => TemplateResult;

interface Parsed<N extends string> {
  /** The template for this order of placeholders. */
  strings: TemplateStringsArray;
  /** The placeholder of each `<bdi>`, in order (a placeholder used twice fills two). */
  names: N[];
  /** The text before, between and after them: one more than `names`. */
  texts: string[];
}

/** Texts kept parsed per use: more than a page shows, fewer than a host changing texts on the fly would pile up. */
const MAX_PARSED = 64;

/**
 * A translated text with placeholders whose values come from data (names in
 * any script), rendered as one Lit template: `{name}` becomes
 * `<bdi part="…">value</bdi>`, isolated so a name cannot reorder the
 * sentence, and the translation decides the order. Placeholders it does not
 * know stay as written, so a typo shows instead of vanishing (as `fill`).
 *
 * Why not `fillParts` and a template per value: a list of templates is a Lit
 * part and a template instance per piece, paid by every row of a live list.
 * Here a row's sentence is one instance. Its markup holds only the `<bdi>`s,
 * one template per order of placeholders; the translation's own text is bound
 * as values like the names, so it is never parsed as HTML (nor changed by the
 * parser: a NUL or a CR stays as written). Lit takes a strings array as a
 * template by identity, hence the cache.
 */
export function isolatedText<N extends string>(parts: PieceParts<N>): IsolatedText<N> {
  const templates = new Map<string, TemplateStringsArray>();
  const parsed = new Map<string, Parsed<N>>();

  const templateFor = (names: N[]): TemplateStringsArray => {
    const key = names.join(' ');
    let strings = templates.get(key);
    if (!strings) {
      const pieces = [''];
      for (const name of names) pieces.push(`<bdi part="${parts[name]}">`, '</bdi>');
      pieces.push('');
      // Lit takes only arrays shaped as a tag's strings (with `raw`) as templates.
      strings = Object.assign(pieces, { raw: pieces }) as unknown as TemplateStringsArray;
      templates.set(key, strings);
    }
    return strings;
  };

  const parse = (pattern: string): Parsed<N> => {
    const names: N[] = [];
    const texts = [''];
    // Split on placeholders, the names captured: text, name, text, name, …, text.
    pattern.split(/\{(\w+)\}/).forEach((piece, i) => {
      if (i % 2 && Object.hasOwn(parts, piece)) {
        names.push(piece as N);
        texts.push('');
      } else texts[texts.length - 1] += i % 2 ? `{${piece}}` : piece;
    });
    const entry = { strings: templateFor(names), names, texts };
    if (parsed.size >= MAX_PARSED) {
      // Both, or texts with ever more placeholders would pile up templates.
      parsed.clear();
      templates.clear();
    }
    parsed.set(pattern, entry);
    return entry;
  };

  return (pattern, values) => {
    const { strings, names, texts } = parsed.get(pattern) ?? parse(pattern);
    const holes: unknown[] = [texts[0]];
    names.forEach((name, i) => holes.push(values[name], texts[i + 1]));
    return html(strings, ...holes);
  };
}
