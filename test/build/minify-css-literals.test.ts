import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CSSResult, LitElement } from 'lit';
import '../../src/define.js';
import { purchaseDialogStyles } from '../../src/elements/plan-card/purchase-dialog.styles.js';
import { darkTheme } from '../../src/themes/dark.js';
import { lightTheme } from '../../src/themes/light.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
// The build step itself (plain ES module; acorn and magic-string resolve in the browser too).
// @ts-expect-error: a script of the build, without type declarations
import { minifyCss, minifyCssIn } from '../../scripts/css-literals.mjs';

/**
 * The build minifies the CSS of `css` literals in dist/, those with `${}` parts too. What the
 * browser makes of it must not change. Oracle: the browser's own CSS parser, every rule of the
 * sheet before and after, for every sheet the library ships and for generated literals.
 */

/**
 * The sheet's rules as the browser serializes them. A value holding `var()` is kept as written, so
 * the spaces after its commas show (`var(--a, red)`): they mean nothing outside a string, and none
 * of these holds a comma in a string, so they are left out on both sides.
 */
function rules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

/** Evaluates `css\`...\`` (the module-free source of one literal), its parts filled with `values`. */
function evaluate(source: string, values: Record<string, string>): string {
  const css = (strings: TemplateStringsArray, ...parts: string[]) =>
    strings.reduce((out, text, i) => out + text + (i < parts.length ? parts[i] : ''), '');
  return new Function('css', ...Object.keys(values), `return ${source};`)(
    css,
    ...Object.values(values),
  ) as string;
}

/** Every tag the library defines: the cards, the dashboard, the provider and the activity log. */
const TAGS = ['org-dashboard', 'org-dashboard-provider', ...CARD_TAGS, 'activity-log'];

describe('build: css`` literals lose comments and whitespace, not their meaning', () => {
  it('parses every sheet of the library to the same rules', () => {
    const sheets = new Set<CSSResult>([purchaseDialogStyles, lightTheme, darkTheme]);
    for (const tag of TAGS) {
      // Defined, so finalized: its styles are there.
      const element = customElements.get(tag) as unknown as typeof LitElement;
      for (const style of element.elementStyles) sheets.add(style as CSSResult);
    }
    expect(sheets.size).to.be.above(12);
    for (const sheet of sheets) {
      const minified = minifyCss(sheet.cssText) as string;
      expect(minified.length).to.be.below(sheet.cssText.length + 1);
      expect(rules(minified)).to.deep.equal(rules(sheet.cssText));
    }
  });

  it('minifies around ${} parts: a shared sheet before the rules, a value inside one', () => {
    const space = fc.constantFrom(' ', '\n', '\n    ', '  \n  ', '\t', '');
    const declaration = fc
      .tuple(
        fc.constantFrom('color', 'border', 'margin', 'font-family'),
        space,
        fc.constantFrom('red', '1px solid ${value}', '${value}', 'var(--x, ${value})', '0 ${value} 2px'),
        space,
      )
      .map(([name, before, value, after]) => `${name}:${before}${value}${after};`);
    const rule = fc
      .tuple(
        fc.constantFrom('p', ':host', '.a .b', '.a > :first-child', "[part~='x']"),
        space,
        fc.array(declaration, { maxLength: 4 }),
        space,
      )
      .map(
        ([selector, before, declarations, after]) =>
          `${selector}${before}{${before}${declarations.join(after)}${after}}`,
      );
    const literal = fc
      .tuple(
        fc.boolean(),
        space,
        fc.array(rule, { minLength: 1, maxLength: 4 }),
        space,
        fc.constantFrom('', '/* why */'),
      )
      .map(
        ([shared, before, list, after, comment]) =>
          `css\`${shared ? '${sheet}' : ''}${before}${comment}${list.join(after)}${after}\``,
      );
    fc.assert(
      fc.property(literal, (source) => {
        const minified = (minifyCssIn(`x = ${source};`) as string).slice('x = '.length, -1);
        const values = { sheet: 'b { color: blue }', value: 'green' };
        expect(rules(evaluate(minified, values))).to.deep.equal(rules(evaluate(source, values)));
        expect(minified).to.not.match(/\/\*|\n|\t| {2}/);
      }),
      { numRuns: 300 },
    );
  });
});
