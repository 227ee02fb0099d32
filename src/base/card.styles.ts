import { css } from 'lit';
import { hostResetStyles } from './host-reset.styles.js';

/**
 * The look every card shares. Global design tokens (`--od-*`, listed in
 * src/themes/tokens.ts) set on any ancestor restyle every card; each has a
 * fallback, so cards look right with none set. The color fallbacks are the
 * light and dark token sets through `light-dark()`, chosen by the card's
 * `color-scheme`: `--od-color-scheme`, by default `light dark`, which follows
 * the viewer's `prefers-color-scheme`. Private `--_*` properties are internal
 * and may change. Inherited text properties the tokens do not cover are reset first
 * (host-reset.styles.ts), so a host page's own text styles do not leak into the card.
 */
export const cardStyles = css`
  ${hostResetStyles}

  :host {
    color-scheme: var(--od-color-scheme, light dark);
    --_surface: var(--od-color-surface, light-dark(#ffffff, #151b23));
    --_text: var(--od-color-text, light-dark(#1b1f24, #f0f6fc));
    --_muted: var(--od-color-text-muted, light-dark(#59636e, #9198a1));
    --_border: var(--od-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--od-color-accent, light-dark(#0b5cd5, #4493f8));
    --_skeleton: var(--od-color-skeleton, light-dark(#e8ecf0, #262c36));
    --_radius: var(--od-radius, 12px);
    --_space: var(--od-space, 16px);
    --_font: var(--od-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_focus: var(--od-focus-ring, 2px solid var(--_accent));
    /* The tallest a card's own scroll area may be: a little less than the viewport (WCAG 1.4.10: at
       400% zoom a 1280 x 1024 screen is 320 x 256 CSS px), so it can be brought whole into view and
       the page and the area each scroll one way only. The small viewport (svh) does not change as a
       phone's address bar comes and goes, so the area never jumps. */
    --_scroll-max: 85svh;

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--od-font-size, 0.875rem);
    line-height: 1.5;
  }

  :host(:state(access-hidden)) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* The contract sets no length limits: a long word (a name, a url, a replaced text) wraps
     where it must instead of pushing the card wider than its place. */
  [part~='card'] {
    overflow-wrap: anywhere;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    height: 100%;
    padding: var(--od-card-padding, var(--_space));
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--od-shadow, 0 1px 2px light-dark(rgb(0 0 0 / 0.06), rgb(0 0 0 / 0.5)));
  }

  [part~='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    min-height: 28px;
  }

  [part~='title'] {
    min-width: 0;
    margin: 0;
    font-size: var(--od-font-size-title, 1rem);
    font-weight: var(--od-font-weight-title, 600);
  }

  [part~='body'] {
    flex: 1;
    min-width: 0;
  }

  [part~='footer'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part~='message'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
    margin: 0;
    color: var(--_muted);
  }

  /* Every control's box: buttons, action links, and the activity log's filters. */
  button,
  a[part~='action'],
  select,
  input {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    font: inherit;
  }

  button,
  a[part~='action'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-width: 24px;
    min-height: 24px;
    padding: 2px 10px;
    color: var(--_accent);
    font-weight: 500;
    text-decoration: none;
    cursor: pointer;
  }

  /* A headline figure (this month's total, the active workspaces). */
  .big {
    font-size: var(--od-font-size-value-large, 2rem);
    font-weight: var(--od-font-weight-value, 600);
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  .big .skeleton {
    height: 0.8em;
  }

  button:hover,
  a[part~='action']:hover {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: var(--od-focus-ring-offset, 2px);
  }

  .skeleton {
    display: inline-block;
    width: var(--_w, 8em);
    max-width: 100%;
    height: 1em;
    vertical-align: middle;
    border-radius: 4px;
    background: var(--_skeleton);
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: od-pulse 1.5s ease-in-out infinite;
    }
  }

  @keyframes od-pulse {
    50% {
      opacity: 0.55;
    }
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    [part~='card'] {
      border-color: CanvasText;
    }
    .skeleton {
      background: GrayText;
    }
  }
`;
