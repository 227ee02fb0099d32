/**
 * The focus ring follows the accent: its default, `2px solid` in `--od-color-accent`, is computed on
 * the card, so under a shipped theme, however the host applies it, a partner's accent set on the
 * card or on the themed element recolors the ring too, and a `--od-focus-ring` the partner sets still
 * wins. A theme that pinned a ring of its own would keep the theme's blue beside the partner's accent.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CSSResult } from 'lit';
import { themeCss } from '../../scripts/theme-files.mjs';
import { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { darkTheme } from '../../src/themes/dark.js';
import { lightTheme } from '../../src/themes/light.js';
import { darkTokens, lightTokens, type TokenSet } from '../../src/themes/tokens.js';
import { CARDS, contrast, renderCard, type RenderOptions } from './cards.js';

const PLAN = CARDS.find(({ tag }) => tag === 'plan-card')!;
const PARTNER_ACCENT = 'rgb(128, 0, 128)';
const PARTNER_RING = '3px dashed rgb(0, 128, 0)';

const THEMES: Record<'light' | 'dark', { sheet: CSSResult; tokens: TokenSet }> = {
  light: { sheet: lightTheme, tokens: lightTokens },
  dark: { sheet: darkTheme, tokens: darkTokens },
};
type ThemeName = keyof typeof THEMES;

/** `#rrggbb` as the browser computes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

/** A partner's registration of the plan card with the theme in its `static styles` (`:host`). */
function themedTag(name: ThemeName): string {
  const tag = `focus-ring-${name}-plan-card`;
  if (!customElements.get(tag))
    customElements.define(
      tag,
      class extends PlanCard {
        static override styles = [...PlanCard.styles, THEMES[name].sheet];
      },
    );
  return tag;
}

interface Way {
  name: string;
  /** Applies the theme for `render` and returns how to take it away. */
  apply(theme: ThemeName): { options: RenderOptions; remove(): void };
  /** Whether the themed element is an ancestor of the card (not the card itself). */
  ancestor: boolean;
}

const WAYS: Way[] = [
  {
    name: 'the adopted sheet on a data-od-theme ancestor',
    ancestor: true,
    apply(theme) {
      document.adoptedStyleSheets = [THEMES[theme].sheet.styleSheet!];
      return { options: { theme }, remove: () => (document.adoptedStyleSheets = []) };
    },
  },
  {
    name: 'themes/<name>.css on a data-od-theme ancestor',
    ancestor: true,
    apply(theme) {
      const style = document.createElement('style');
      style.textContent = themeCss(theme, THEMES[theme].tokens);
      document.head.append(style);
      return { options: { theme }, remove: () => style.remove() };
    },
  },
  {
    name: "the theme in a subclass's static styles (:host)",
    ancestor: false,
    apply(theme) {
      return { options: { tag: themedTag(theme) }, remove() {} };
    },
  },
];

/** A page style sheet rule for the card's own tag, as a partner writes it (`plan-card { … }`). */
function pageRule(rule: string): () => void {
  const style = document.createElement('style');
  style.textContent = rule;
  document.head.append(style);
  return () => style.remove();
}

/** Renders the plan card and focuses its first action as the keyboard would; returns its style. */
async function focusedAction(options: RenderOptions) {
  const { card } = await renderCard(PLAN, options);
  const action = card.shadowRoot!.querySelector<HTMLElement>('[part~="action"]')!;
  expect(action, 'an action').to.not.equal(null);
  // A key press first: focus() after pointer input would not show the ring (:focus-visible).
  await sendKeys({ press: 'Shift' });
  action.focus();
  expect(action.matches(':focus-visible'), 'focus-visible').to.equal(true);
  const surface = getComputedStyle(card.shadowRoot!.querySelector('[part~="card"]')!).backgroundColor;
  return { style: getComputedStyle(action), surface };
}

describe('focus ring under a shipped theme', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const way of WAYS) {
      describe(`${theme}, by ${way.name}`, () => {
        let applied: ReturnType<Way['apply']>;
        const cleanups: (() => void)[] = [];
        beforeEach(() => {
          applied = way.apply(theme);
          cleanups.push(() => applied.remove());
        });
        afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

        it("is 2px solid in the theme's accent, 3:1 against its surface", async () => {
          const { style, surface } = await focusedAction(applied.options);
          expect(style.outlineStyle).to.equal('solid');
          expect(style.outlineWidth).to.equal('2px');
          expect(style.outlineColor).to.equal(rgb(THEMES[theme].tokens['--od-color-accent']));
          expect(surface).to.equal(rgb(THEMES[theme].tokens['--od-color-surface']));
          expect(contrast(style.outlineColor, surface)).to.be.at.least(3);
        });

        it('follows --od-color-accent set on the card', async () => {
          const tag = applied.options.tag ?? PLAN.tag;
          cleanups.push(pageRule(`${tag} { --od-color-accent: ${PARTNER_ACCENT}; }`));
          const { style } = await focusedAction(applied.options);
          expect(style.outlineColor).to.equal(PARTNER_ACCENT);
          expect(style.outlineWidth).to.equal('2px');
        });

        if (way.ancestor)
          it('follows --od-color-accent set on the themed element', async () => {
            const options = { ...applied.options, style: `--od-color-accent: ${PARTNER_ACCENT}` };
            const { style } = await focusedAction(options);
            expect(style.outlineColor).to.equal(PARTNER_ACCENT);
          });

        it('takes --od-focus-ring set on the card over the accent', async () => {
          const tag = applied.options.tag ?? PLAN.tag;
          cleanups.push(
            pageRule(`${tag} { --od-color-accent: ${PARTNER_ACCENT}; --od-focus-ring: ${PARTNER_RING}; }`),
          );
          const { style } = await focusedAction(applied.options);
          expect(`${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`).to.equal(PARTNER_RING);
        });

        if (way.ancestor)
          it('takes --od-focus-ring set on the themed element', async () => {
            const options = { ...applied.options, style: `--od-focus-ring: ${PARTNER_RING}` };
            const { style } = await focusedAction(options);
            expect(`${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`).to.equal(
              PARTNER_RING,
            );
          });
      });
    }
  }
});
