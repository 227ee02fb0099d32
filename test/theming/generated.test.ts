/**
 * src/themes/tokens.ts is the one source of the token values: src/themes/light.ts, dark.ts, shared.ts and the
 * token table in README.md are generated from it (scripts/themes.mjs, run by `npm run build`), and
 * this fails while one of them is out of date or edited by hand.
 */
import { expect } from '@open-wc/testing';
import {
  README_END,
  README_START,
  themeSources,
  tokenTable,
  withTokenTable,
} from '../../scripts/theme-files.mjs';
import { darkTokens, lightTokens, TOKEN_DESCRIPTIONS, tokenDefaults } from '../../src/themes/tokens.js';

const SETS = { light: lightTokens, dark: darkTokens };
const FIX = 'run `node scripts/themes.mjs` (or `npm run build`) and commit the result';

describe('files generated from tokens.ts', () => {
  for (const [file, text] of Object.entries(themeSources(SETS))) {
    it(`${file} is up to date`, async () => {
      const committed = await (await fetch(`/__source?file=${file}`)).text();
      expect(committed, FIX).to.equal(text);
    });
  }

  it("README.md's token table is up to date", async () => {
    const readme = await (await fetch('/README.md')).text();
    expect(readme, 'README.md has the token table markers').to.include(README_START).and.include(README_END);
    const table = tokenTable(TOKEN_DESCRIPTIONS, tokenDefaults(lightTokens), tokenDefaults(darkTokens));
    expect(withTokenTable(readme, table) === readme, FIX).to.equal(true);
    for (const token of Object.keys(TOKEN_DESCRIPTIONS)) expect(table).to.include(`| \`${token}\` |`);
  });
});
