import { css } from 'lit';

/**
 * Inheritance crosses the shadow boundary: a host page's `#app { text-align: center }` (the Svelte
 * starter's) centred every card's text. Each element's `:host` sets the inherited properties back
 * to their initial values, so a card looks the same in any page. Only inheritance is cut: a rule
 * that selects the element itself (`org-info-card { text-align: center }`) still wins over
 * `:host`, so a host that means to restyle a card can.
 *
 * Not reset here, on purpose:
 * - `color`, `font-family`, `font-size`, `line-height` and `color-scheme`: card.styles.ts sets
 *   them from the tokens (`--od-color-text`, `--od-font-family`, `--od-font-size`,
 *   `--od-color-scheme`); the token is how a host changes them.
 * - `direction` and `writing-mode`: right to left comes from the host's `dir`, and the language's
 *   (`lang`) typography with it.
 * - `visibility`, `pointer-events`, `cursor`: what the host does with the region the card is in
 *   (hidden, inert, busy, clickable), not how the card's text looks.
 * - `forced-color-adjust`, `print-color-adjust`, `orphans`, `widows`, `-webkit-text-size-adjust`:
 *   the viewer's and the printer's settings.
 * - SVG paint (`fill`, `stroke`): the charts set their own on every shape.
 *
 * `text-decoration` is not inherited but propagates into in-flow descendants and cannot be taken
 * back inside: a host's underline still reaches a card's text (see the changeset).
 */
export const hostResetStyles = css`
  :host {
    /* Paragraph layout. */
    text-align: start;
    text-align-last: auto;
    text-indent: 0;
    text-justify: auto;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    text-wrap-style: auto;
    word-break: normal;
    overflow-wrap: normal;
    line-break: auto;
    hyphens: manual;
    tab-size: 8;

    /* The font, but for its family and size (tokens, in card.styles.ts). */
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    font-stretch: normal;
    font-kerning: auto;
    font-feature-settings: normal;
    font-variation-settings: normal;
    font-optical-sizing: auto;
    font-size-adjust: none;
    font-synthesis: initial;

    /* Painted text. */
    text-shadow: none;
    text-emphasis: none;
    text-underline-position: auto;
    text-underline-offset: auto;
    text-decoration-skip-ink: auto;
    text-rendering: auto;
    -webkit-text-fill-color: currentcolor;
    -webkit-text-stroke: 0;
    paint-order: normal;

    /* Lists, tables, quotes and form controls. */
    list-style: disc outside none;
    border-collapse: separate;
    border-spacing: 0;
    caption-side: top;
    empty-cells: show;
    quotes: auto;
    caret-color: auto;
    accent-color: auto;
  }
`;
