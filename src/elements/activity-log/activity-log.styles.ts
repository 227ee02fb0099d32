import { css } from 'lit';

export const activityLogStyles = css`
  :host {
    /* The list and its loading placeholder: never taller than the viewport (--_scroll-max). */
    --_list-height: min(var(--od-activity-log-height, 480px), var(--_scroll-max));
  }

  [part~='header'] {
    flex-wrap: wrap;
  }

  .header-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-inline-start: auto;
  }

  [part~='export-progress'] {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }

  [part~='export-error'] {
    font-size: 0.875em;
  }

  [part~='body'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }

  /* Columns of one width whatever the menus hold, so nothing moves when options arrive. */
  [part~='filters'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5em, 1fr));
    gap: 8px 12px;
    margin: 0;
  }

  [part~='filter'] {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part~='filter'].search {
    grid-column: 1 / -1;
  }

  [part~='retention'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  select,
  input {
    width: 100%;
    min-width: 0;
    min-height: 30px;
    padding: 3px 8px;
    color: var(--_text);
    font-size: calc(1em / 0.875);
  }

  /* Chromium gives a date field's focus to its day, month or year inside, and neither :focus nor
     :focus-visible to the input: the ring follows focus within (a text field rings on any focus too). */
  input[type='date']:focus-within {
    outline: var(--_focus);
    outline-offset: var(--od-focus-ring-offset, 2px);
  }

  [part~='list'],
  .list-placeholder {
    height: var(--_list-height);
    border-block: 1px solid var(--_border);
  }

  [part~='list'] {
    /* The virtualizer positions the rows; the element keeps the reading position itself. */
    overflow-anchor: none;
  }

  .list-placeholder {
    overflow: hidden;
  }

  .list-placeholder > [part~='message'],
  .list-placeholder > .empty {
    padding-block: var(--_space);
  }

  .entry {
    display: grid;
    width: 100%;
    min-width: 0;
    padding: 8px 4px;
    border-block-end: 1px solid var(--_border);
  }

  .list-footer {
    min-height: 1.5em;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .list-wrap {
    position: relative;
  }

  /* Over the top of the list, so showing it moves nothing. */
  .new-entries {
    position: absolute;
    z-index: 1;
    inset-block-start: 8px;
    inset-inline: 0;
    display: flex;
    justify-content: center;
    pointer-events: none;
  }

  [part~='new-entries'] {
    pointer-events: auto;
    box-shadow: var(--od-shadow, 0 1px 2px rgb(0 0 0 / 0.06));
  }

  .empty-box {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
    padding-block: var(--_space);
  }

  @media (forced-colors: active) {
    select,
    input {
      border-color: CanvasText;
    }
  }
`;
