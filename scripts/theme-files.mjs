// What src/themes/tokens.ts generates, as text: src/themes/light.ts and dark.ts (Lit `css` literals,
// so src/ needs no `unsafeCSS`) with what they share in src/themes/shared.ts, dist/themes/light.css and dark.css, and the token table in README.md.
// Pure functions with no Node imports: scripts/themes.mjs writes the files with them, and
// test/theming/generated.test.ts imports them in the browser to check the committed files are current.

export const THEMES = ['light', 'dark'];
export const README_START =
  '<!-- tokens:start (generated from src/themes/tokens.ts by scripts/themes.mjs) -->';
export const README_END = '<!-- tokens:end -->';

const declarations = (tokens, indent) =>
  Object.entries(tokens)
    .map(([token, value]) => `${indent}${token}: ${value};\n`)
    .join('');

/** The tokens both sets give the same value, in the light set's order. */
export function sharedTokens(light, dark) {
  return Object.fromEntries(Object.entries(light).filter(([token, value]) => dark[token] === value));
}

const GENERATED =
  '// Generated from tokens.ts by scripts/themes.mjs (`npm run build` runs it): edit tokens.ts, not this file.';

/** src/themes/shared.ts: what the two sets share, written once and interpolated into both. */
export function sharedModule(shared) {
  return `${GENERATED}
import { css } from 'lit';

/** The declarations the light and dark sets share (the same value in both in tokens.ts). */
export const sharedTokenDeclarations = css\`
${declarations(shared, '  ')}\`;
`;
}

/**
 * The set's own declarations, with the shared ones (\`shared.ts\`) interpolated where the first of
 * them stands in the set.
 */
function ownDeclarations(tokens, shared) {
  const entries = Object.entries(tokens);
  const at = entries.findIndex(([token]) => token in shared);
  if (at < 0) return declarations(tokens, '    ');
  const own = (list) =>
    declarations(Object.fromEntries(list.filter(([token]) => !(token in shared))), '    ');
  return `${own(entries.slice(0, at))}    \${sharedTokenDeclarations}\n${own(entries.slice(at))}`;
}

/**
 * src/themes/<name>.ts: the set as a \`css\` literal for \`adoptedStyleSheets\` or a card's styles; the
 * declarations it shares with the other set come from shared.ts.
 */
export function themeModule(name, tokens, shared = {}) {
  const exported = `${name}Theme`;
  const sharing = Object.keys(shared).length > 0;
  return `${GENERATED}
import { css } from 'lit';
${sharing ? "import { sharedTokenDeclarations } from './shared.js';\n" : ''}
/**
 * The ${name} token set (\`${name}Tokens\` of tokens.ts).
 *
 * Pins the ${name} look wherever it applies: on an element with
 * \`data-od-theme="${name}"\` and everything inside it, when adopted by the document
 * (\`document.adoptedStyleSheets.push(${exported}.styleSheet!)\`), or on a card when
 * added to a subclass's \`static styles\`. Plain CSS: \`org-dashboard-elements/themes/${name}.css\`.
 * The derived tokens (\`DERIVED_TOKENS\` of tokens.ts, such as the focus ring) are left to each card,
 * so they follow the tokens they come from wherever a partner sets those.
 */
export const ${exported} = css\`
  :host,
  [data-od-theme='${name}'] {
${ownDeclarations(tokens, shared)}  }
\`;
`;
}

/** Every generated module of src/themes/, by path: the shared declarations and the two sets. */
export function themeSources(sets) {
  const shared = sharedTokens(sets.light, sets.dark);
  return {
    'src/themes/shared.ts': sharedModule(shared),
    ...Object.fromEntries(
      THEMES.map((name) => [`src/themes/${name}.ts`, themeModule(name, sets[name], shared)]),
    ),
  };
}

/** dist/themes/<name>.css: the same set as plain CSS, on `[data-od-theme]` only. */
export function themeCss(name, tokens) {
  return `/* org-dashboard-elements: the ${name} design tokens. Pins them on [data-od-theme="${name}"] and inside it. */\n[data-od-theme='${name}'] {\n${declarations(tokens, '  ')}}\n`;
}

/**
 * The README's table of global tokens: each with its default under the light and the dark set (for a
 * derived token its computation: tokenDefaults() of tokens.ts) and what it styles.
 */
export function tokenTable(descriptions, light, dark) {
  const rows = Object.entries(descriptions).map(([token, description]) => {
    // A token with no value would print as `undefined`: a set that dropped it must say how it is derived.
    if (light[token] === undefined || dark[token] === undefined) throw new Error(`${token} has no default`);
    return `| \`${token}\` | \`${light[token]}\` | \`${dark[token]}\` | ${description} |`;
  });
  return ['| token | light | dark | styles |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with its marked token table region replaced by `table`. */
export function withTokenTable(readme, table) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} region`);
  return `${readme.slice(0, start + README_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
