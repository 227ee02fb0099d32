// Generated from tokens.ts by scripts/themes.mjs (`npm run build` runs it): edit tokens.ts, not this file.
import { css } from 'lit';
import { sharedTokenDeclarations } from './shared.js';

/**
 * The dark token set (`darkTokens` of tokens.ts).
 *
 * Pins the dark look wherever it applies: on an element with
 * `data-od-theme="dark"` and everything inside it, when adopted by the document
 * (`document.adoptedStyleSheets.push(darkTheme.styleSheet!)`), or on a card when
 * added to a subclass's `static styles`. Plain CSS: `org-dashboard-elements/themes/dark.css`.
 * The derived tokens (`DERIVED_TOKENS` of tokens.ts, such as the focus ring) are left to each card,
 * so they follow the tokens they come from wherever a partner sets those.
 */
export const darkTheme = css`
  :host,
  [data-od-theme='dark'] {
    --od-color-scheme: dark;
    --od-color-surface: #151b23;
    --od-color-text: #f0f6fc;
    --od-color-text-muted: #9198a1;
    --od-color-border: #3d444d;
    --od-color-accent: #4493f8;
    --od-color-positive: #3fb950;
    --od-color-negative: #f85149;
    --od-color-warning: #d29922;
    --od-color-skeleton: #262c36;
    --od-color-chart-1: #4493f8;
    --od-color-chart-2: #9198a1;
    --od-color-chart-3: #db6d28;
    --od-color-tooltip: #f0f6fc;
    --od-color-tooltip-text: #151b23;
    ${sharedTokenDeclarations}
    --od-shadow: 0 1px 2px rgb(0 0 0 / 0.5);
  }
`;
