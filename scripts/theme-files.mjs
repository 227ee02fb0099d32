// What src/themes/tokens.ts generates, as text: src/themes/light.ts and dark.ts (Lit `css` literals,
// so src/ needs no `unsafeCSS`), dist/themes/light.css and dark.css, and the token table in README.md.
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

/** src/themes/<name>.ts: the set as a `css` literal for `adoptedStyleSheets` or a card's styles. */
export function themeModule(name, tokens) {
  const exported = `${name}Theme`;
  return `// Generated from tokens.ts by scripts/themes.mjs (\`npm run build\` runs it): edit tokens.ts, not this file.
import { css } from 'lit';

/**
 * The ${name} token set (\`${name}Tokens\` of tokens.ts).
 *
 * Pins the ${name} look wherever it applies: on an element with
 * \`data-od-theme="${name}"\` and everything inside it, when adopted by the document
 * (\`document.adoptedStyleSheets.push(${exported}.styleSheet!)\`), or on a card when
 * added to a subclass's \`static styles\`. Plain CSS: \`org-dashboard-elements/themes/${name}.css\`.
 */
export const ${exported} = css\`
  :host,
  [data-od-theme='${name}'] {
${declarations(tokens, '    ')}  }
\`;
`;
}

/** dist/themes/<name>.css: the same set as plain CSS, on `[data-od-theme]` only. */
export function themeCss(name, tokens) {
  return `/* org-dashboard-elements: the ${name} design tokens. Pins them on [data-od-theme="${name}"] and inside it. */\n[data-od-theme='${name}'] {\n${declarations(tokens, '  ')}}\n`;
}

/** The README's table of global tokens: each with its light and dark value and what it styles. */
export function tokenTable(descriptions, light, dark) {
  const rows = Object.entries(descriptions).map(
    ([token, description]) => `| \`${token}\` | \`${light[token]}\` | \`${dark[token]}\` | ${description} |`,
  );
  return ['| token | light | dark | styles |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with its marked token table region replaced by `table`. */
export function withTokenTable(readme, table) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} region`);
  return `${readme.slice(0, start + README_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
