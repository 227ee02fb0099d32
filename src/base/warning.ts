import { css, html, type TemplateResult } from 'lit';

/**
 * The warning callout the cards share (`part="warning"`): the workspace card's "Others" warning and
 * the plan card's low-credit warning look and read alike, and restyle alike through the one part.
 * Its icon is decorative: the text says what is wrong, and the color never carries it alone.
 */
export function renderWarning(content: unknown): TemplateResult {
  return html`<p part="warning" class="warning">
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
      <path
        d="M8.9 1.5a1 1 0 0 0-1.8 0L.6 13.5A1 1 0 0 0 1.5 15h13a1 1 0 0 0 .9-1.5L8.9 1.5ZM7.25 5.5h1.5v4.5h-1.5V5.5Zm0 6h1.5V13h-1.5v-1.5Z"
      />
    </svg>
    <span>${content}</span>
  </p>`;
}

/**
 * The warning color (`--_warning`, from the global `--od-color-warning`) and the callout's look, for
 * the cards that show a warning (and the announcements panel, which colors its warnings with it).
 */
export const warningStyles = css`
  :host {
    --_warning: var(--od-color-warning, light-dark(#875a00, #d29922));
  }

  .warning {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    margin: 12px 0 0;
    padding: 8px 12px;
    border: 1px solid color-mix(in srgb, var(--_warning) 45%, var(--_surface));
    border-inline-start: 4px solid var(--_warning);
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .warning svg {
    flex: none;
    /* Centred on the first line of text. */
    margin-block-start: calc((1.5em - 16px) / 2);
    color: var(--_warning);
  }

  @media (forced-colors: active) {
    .warning {
      border-color: CanvasText;
    }
    .warning svg {
      color: CanvasText;
    }
  }
`;
