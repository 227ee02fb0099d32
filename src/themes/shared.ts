// Generated from tokens.ts by scripts/themes.mjs (`npm run build` runs it): edit tokens.ts, not this file.
import { css } from 'lit';

/** The declarations the light and dark sets share (the same value in both in tokens.ts). */
export const sharedTokenDeclarations = css`
  --od-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --od-font-family-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  --od-font-size: 0.875rem;
  --od-font-size-title: 1rem;
  --od-font-size-value: 1.25rem;
  --od-font-size-value-large: 2rem;
  --od-font-weight-title: 600;
  --od-font-weight-value: 600;
  --od-space: 16px;
  --od-card-padding: 16px;
  --od-radius: 12px;
  --od-focus-ring-offset: 2px;
`;
