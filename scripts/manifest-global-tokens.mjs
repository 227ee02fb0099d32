// A Custom Elements Manifest plugin (custom-elements-manifest.config.mjs): each element's JSDoc lists
// only its own `@cssprop` tokens; the global tokens it honours are added here from
// src/themes/tokens.ts, their one source: each one its `static styles` read (the `css` literals it
// names, in its module or the one it imports them from) is listed with its light value as the
// default and the dark value in the description.
// test/theming/tokens.test.ts checks the result against the tokens each element's styles read.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { tokenSets } from './themes.mjs';

/** The `--od-*` tokens read (`var(--od-x`) in a piece of CSS. */
const tokensIn = (css) => [...css.matchAll(/var\(\s*(--od-[a-z0-9-]+)/g)].map((match) => match[1]);

/** The text of the `css` literal `name` is bound to in `code` (`const name = css`…``), if any. */
function cssLiteral(code, name) {
  return new RegExp(`\\b(?:const|let)\\s+${name}\\s*=\\s*css\`([^\`]*)\``).exec(code)?.[1];
}

/**
 * The `--od-*` tokens an element's `static styles` read: its inline `css` literal, or each name in its
 * styles list, found in the element's module or in the module it is imported from.
 */
function tokensReadByStyles(file) {
  const code = readFileSync(file, 'utf8');
  const styles = /static\s+(?:override\s+)?styles\s*=\s*(css`[^`]*`|\[[^\]]*\]|\w+)/.exec(code)?.[1] ?? '';
  if (styles.startsWith('css`')) return new Set(tokensIn(styles));
  const read = new Set();
  for (const [name] of styles.matchAll(/\w+/g)) {
    let css = cssLiteral(code, name);
    if (css === undefined) {
      const from = new RegExp(`import\\s*{[^}]*\\b${name}\\b[^}]*}\\s*from\\s*'(\\.{1,2}/[^']+)\\.js'`).exec(
        code,
      );
      const source = from && join(dirname(file), `${from[1]}.ts`);
      if (source && existsSync(source)) css = cssLiteral(readFileSync(source, 'utf8'), name);
    }
    for (const token of tokensIn(css ?? '')) read.add(token);
  }
  return read;
}

/**
 * Every global token as the manifest lists it, by name: default the light value, the dark one named
 * beside it. A derived token (the focus ring, drawn in the accent) is in neither set: `tokenDefaults`
 * gives its computation as its default.
 */
function describeTokens(tokens) {
  const light = tokens.tokenDefaults(tokens.lightTokens);
  const dark = tokens.tokenDefaults(tokens.darkTokens);
  const described = new Map();
  for (const [name, description] of Object.entries(tokens.TOKEN_DESCRIPTIONS)) {
    // With nothing set, a card follows the viewer's color scheme: neither set's value is the default.
    if (name === '--od-color-scheme') described.set(name, { name, default: 'light dark', description });
    else
      described.set(name, {
        name,
        default: light[name],
        description: light[name] === dark[name] ? description : `${description} (dark: ${dark[name]})`,
      });
  }
  return described;
}

export async function globalTokensPlugin() {
  const described = describeTokens(await tokenSets());
  const globals = [...described.keys()];
  return {
    name: 'od-global-tokens',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement || !existsSync(mod.path)) continue;
          const read = tokensReadByStyles(relative('.', mod.path));
          const own = declaration.cssProperties ?? [];
          const documented = new Set(own.map((property) => property.name));
          const added = globals
            .filter((name) => read.has(name) && !documented.has(name))
            .map((name) => ({ ...described.get(name) }));
          if (added.length) declaration.cssProperties = [...added, ...own];
        }
    },
  };
}
