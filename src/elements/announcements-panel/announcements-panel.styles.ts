import { css } from 'lit';

export const announcementsPanelStyles = css`
  :host {
    --_danger: var(--od-color-negative, light-dark(#c21c2c, #f85149));
  }

  /* One height in every state (loading, ready, empty, error, stale), so nothing jumps: the card's,
     made of a one-row header (its min-height), the gap, the content area less its margins, the
     padding and the border. The area takes what the header and the footer leave: on a narrow card
     the header's buttons wrap to a second row, and a stale card has its note below; the list
     scrolls in what remains instead of the card growing. (One line each: Firefox keeps a value
     with var() as written, line breaks and all, and the build's minified copy must read the same.) */
  [part~='card'] {
    /* The content area's height, never taller than the viewport (--_scroll-max). A partner's "auto"
       makes the min() invalid where it is used, which computes to the property's initial "auto":
       the panel then grows with its announcements, with no scroll area. */
    --_area: min(var(--od-announcements-height, 22rem), var(--_scroll-max));
    --_pad: var(--od-card-padding, var(--_space));
    min-block-size: calc(28px + var(--_space) * 0.75 + var(--_area) - 6px + 2 * var(--_pad) + 2px);
  }

  [part~='body'] {
    /* Growing into a taller layout cell too. */
    flex-grow: 1;
    /* 0 with a height: the area is what the card's height leaves; with "auto", the content's. */
    flex-basis: calc(var(--_area) * 0);
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* Room for focus rings at the scroll edges. */
    padding: 3px;
    margin: -3px;
  }

  :host(:state(no-access)) [part~='card'] {
    min-block-size: auto;
  }

  :host(:state(no-access)) [part~='body'] {
    flex-basis: auto;
  }

  /* The title, how many are new, then the buttons at the end; on a narrow card the buttons wrap below. */
  [part~='header'] {
    flex-wrap: wrap;
    row-gap: 4px;
  }

  /* "3 new" and an announcement's "New": words in the accent, filled so they catch the eye. */
  .badge.new-count,
  .badge.new {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
    font-weight: 600;
  }

  .new-count {
    font-size: 0.8125em;
  }

  .badge.new {
    margin-inline-start: 6px;
    font-size: 0.75em;
    vertical-align: 0.1em;
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) * 0.66);
    background: var(--_surface);
  }

  .item.severity-warning {
    border-inline-start-color: var(--_warning);
  }

  /* Critical ones stand out by border, tint and icon, and say "Critical" in words. */
  .item.severity-critical {
    border-color: var(--_danger);
    border-inline-start-width: 6px;
    background: color-mix(in srgb, var(--_danger) 5%, var(--_surface));
  }

  .item.is-dismissed {
    border-style: dashed;
    background: color-mix(in srgb, var(--_muted) 6%, var(--_surface));
  }

  .head {
    display: flex;
    align-items: flex-start;
    gap: 8px;
  }

  .item-title {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-weight: 600;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  .skeleton-title {
    height: 1.25em;
    margin-block: 0.075em;
  }

  .icon {
    flex: none;
    margin-block-start: 2px;
  }

  .icon-critical {
    color: var(--_danger);
  }

  .icon-warning {
    color: var(--_warning);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 6px;
    color: var(--_muted);
    font-size: 0.8125em;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    padding: 0 6px;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-weight: 500;
    line-height: 1.5;
    white-space: nowrap;
  }

  .severity-warning.badge {
    color: var(--_warning);
  }

  .severity-critical.badge {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_surface);
  }

  /* The tooltip hangs from the meta row, not the time: it then fits the width the list scrolls in. */
  .meta {
    position: relative;
  }

  /* The exact time (base/exact-time.ts), below the row. */
  [part~='tooltip'] {
    inset-block-start: calc(100% + 2px);
    max-inline-size: 100%;
    padding: 1px 6px;
  }

  .text {
    margin: 0;
    /* Plain text: the line breaks it has are kept, long words wrap. */
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .window {
    display: flex;
    flex-wrap: wrap;
    gap: 0 6px;
    margin: 0;
    font-size: 0.875em;
  }

  .window .label {
    color: var(--_muted);
    font-weight: 600;
  }

  .window-ongoing .window-text {
    color: var(--_warning);
    font-weight: 600;
  }

  .window-ended .window-text {
    color: var(--_muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }

  /* 24 by 24 at least, also where the words are one or two characters (Japanese 詳細). */
  .learn-more {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 24px;
    min-height: 24px;
    color: var(--_accent);
    font-weight: 500;
    text-underline-offset: 2px;
  }

  .dismiss {
    flex: none;
    width: 28px;
    height: 28px;
    margin-block: -4px;
    margin-inline-end: -6px;
    padding: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_muted);
  }

  .dismiss:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }

  .mark-read,
  .show-dismissed {
    margin-inline-start: auto;
    font-size: 0.875em;
  }

  .mark-read ~ .show-dismissed {
    margin-inline-start: 0;
  }

  .show-dismissed[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }

  .empty {
    align-items: center;
    justify-content: center;
    block-size: 100%;
    text-align: center;
  }

  @media (forced-colors: active) {
    .item.severity-critical,
    .item.severity-warning {
      border-color: CanvasText;
    }
    /* Its pressed state is a fill, which forced colors would drop: the system's selection colors instead. */
    .show-dismissed[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
