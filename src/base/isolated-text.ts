import { html, type TemplateResult } from 'lit';

/** The `part` name of each placeholder a text may hold, e.g. `{ actor: 'actor' }`. */
export type PieceParts<N extends string> = Readonly<Record<N, string>>;

/** Fills a translated text's placeholders with values, each in a `<bdi>` of its own. */
export type IsolatedText<N extends string> = (
  pattern: string,
  values: Readonly<Record<N, unknown>>,
) => TemplateResult;

interface Parsed<N extends string> {
  /** The template for this text: its `<bdi>`s, and its own text where markup can hold it as written. */
  strings: TemplateStringsArray;
  /** What fills each hole: a placeholder's name, or a text of the translation bound as a value. */
  holes: { name?: N; text?: string }[];
}

/**
 * Text a template's markup holds exactly as written: no markup or character reference (`<`, `&`)
 * and nothing an HTML parser drops or changes (NUL, CR, a byte order mark). Written there, it costs
 * a row no hole; any other text is bound as a value, never parsed.
 */
const WRITABLE = /^[^<&\0\r\uFEFF]*$/;

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
 * Here a text is one template, which a row takes into its own with `inline()`
 * (inline-html.ts): no instance of its own. Its markup holds the `<bdi>`s
 * and the translation's own text where markup holds it exactly as written
 * (`WRITABLE`: " · ", "by "), so that text costs no hole; any other text
 * (with `<` or `&`, or what a parser would change: a NUL, a CR) is bound as
 * a value like the names, never parsed as HTML. Lit takes a strings array
 * as a template by identity, hence one kept per text.
 */
export function isolatedText<N extends string>(parts: PieceParts<N>): IsolatedText<N> {
  const parsed = new Map<string, Parsed<N>>();

  const parse = (pattern: string): Parsed<N> => {
    const pieces = [''];
    const holes: Parsed<N>['holes'] = [];
    const hole = (value: { name?: N; text?: string }, after = '') => {
      holes.push(value);
      pieces.push(after);
    };
    const text = (piece: string) => {
      if (WRITABLE.test(piece)) pieces[pieces.length - 1] += piece;
      else hole({ text: piece });
    };
    let pending = '';
    // Split on placeholders, the names captured: text, name, text, name, …, text.
    pattern.split(/\{(\w+)\}/).forEach((piece, i) => {
      if (i % 2 === 0 || !Object.hasOwn(parts, piece)) {
        pending += i % 2 ? `{${piece}}` : piece;
        return;
      }
      text(pending);
      pending = '';
      const name = piece as N;
      pieces[pieces.length - 1] += `<bdi part="${parts[name]}">`;
      hole({ name }, '</bdi>');
    });
    text(pending);
    // Lit takes only arrays shaped as a tag's strings (with `raw`) as templates.
    const strings = Object.assign(pieces, { raw: pieces }) as unknown as TemplateStringsArray;
    // Texts with ever more placeholders would pile up templates otherwise.
    if (parsed.size >= MAX_PARSED) parsed.clear();
    const entry = { strings, holes };
    parsed.set(pattern, entry);
    return entry;
  };

  return (pattern, values) => {
    const { strings, holes } = parsed.get(pattern) ?? parse(pattern);
    return html(strings, ...holes.map(({ name, text }) => (name === undefined ? text : values[name])));
  };
}
