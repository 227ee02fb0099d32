// Generated from tokens.ts by scripts/themes.mjs (`npm run build` runs it): edit tokens.ts, not this file.
import { css } from 'lit';
import { sharedTokenDeclarations } from './shared.js';

/**
 * The light token set (`lightTokens` of tokens.ts).
 *
 * Pins the light look wherever it applies: on an element with
 * `data-od-theme="light"` and everything inside it, when adopted by the document
 * (`document.adoptedStyleSheets.push(lightTheme.styleSheet!)`), or on a card when
 * added to a subclass's `static styles`. Plain CSS: `org-dashboard-elements/themes/light.css`.
 * The derived tokens (`DERIVED_TOKENS` of tokens.ts, such as the focus ring) are left to each card,
 * so they follow the tokens they come from wherever a partner sets those.
 */
export const lightTheme = css`
  :host,
  [data-od-theme='light'] {
    --od-color-scheme: light;
    --od-color-surface: #ffffff;
    --od-color-text: #1b1f24;
    --od-color-text-muted: #59636e;
    --od-color-border: #d1d9e0;
    --od-color-accent: #0b5cd5;
    --od-color-positive: #1a7f37;
    --od-color-negative: #c21c2c;
    --od-color-warning: #875a00;
    --od-color-skeleton: #e8ecf0;
    --od-color-chart-1: #2f6fdb;
    --od-color-chart-2: #6e7781;
    --od-color-chart-3: #b35900;
    --od-color-tooltip: #1b1f24;
    --od-color-tooltip-text: #ffffff;
    ${sharedTokenDeclarations}
    --od-shadow: 0 1px 2px rgb(0 0 0 / 0.06);
  }
`;
