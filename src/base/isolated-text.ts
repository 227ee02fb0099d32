import { html, type TemplateResult } from 'lit';

/** The `part` name of each placeholder a text may hold, e.g. `{ actor: 'actor' }`. */
export type PieceParts<N extends string> = Readonly<Record<N, string>>;

/** Fills a translated text's placeholders with values, each in a `<bdi>` of its own. */
export type IsolatedText<N extends string> = (
  pattern: string,
  values: Readonly<Record<N, unknown>>,
) => TemplateResult;

interface Compiled<N extends string> {
  strings: TemplateStringsArray;
  /** The placeholder of each hole, in order (a placeholder used twice fills two holes). */
  names: N[];
}

/** Texts kept compiled per use: more than a page shows, fewer than a host changing texts on the fly would pile up. */
const MAX_COMPILED = 64;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeText = (text: string): string => text.replace(/[&<>]/g, (c) => ESCAPES[c]);

/**
 * A translated text with placeholders whose values come from data (names in
 * any script), rendered as one Lit template per text: `{name}` becomes
 * `<bdi part="…">value</bdi>`, isolated so a name cannot reorder the
 * sentence, and the translation decides the order. Placeholders it does not
 * know stay as written, so a typo shows instead of vanishing (as `fill`).
 *
 * Why not `fillParts` and a template per value: a list of templates is a Lit
 * part and a template instance per piece, paid by every row of a live list.
 * Here a row's sentence is one instance: the text around the values is
 * static markup (escaped, so a translation is only ever text), compiled once
 * per text and cached, which is what makes the strings array stable for Lit.
 */
export function isolatedText<N extends string>(parts: PieceParts<N>): IsolatedText<N> {
  const compiled = new Map<string, Compiled<N>>();
  const compile = (pattern: string): Compiled<N> => {
    const pieces: string[] = [];
    const names: N[] = [];
    let text = '';
    let last = 0;
    for (const match of pattern.matchAll(/\{(\w+)\}/g)) {
      const name = match[1] as N;
      text += escapeText(pattern.slice(last, match.index));
      last = match.index + match[0].length;
      if (!Object.hasOwn(parts, name)) {
        text += match[0];
        continue;
      }
      pieces.push(`${text}<bdi part="${parts[name]}">`);
      names.push(name);
      text = '</bdi>';
    }
    pieces.push(text + escapeText(pattern.slice(last)));
    // Lit takes only arrays shaped as a tag's strings (with `raw`) as templates.
    const strings = Object.assign(pieces, { raw: pieces }) as unknown as TemplateStringsArray;
    const entry = { strings, names };
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(pattern, entry);
    return entry;
  };
  return (pattern, values) => {
    const { strings, names } = compiled.get(pattern) ?? compile(pattern);
    return html(strings, ...names.map((name) => values[name]));
  };
}
