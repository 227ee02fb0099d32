import { css } from 'lit';

/**
 * The purchase dialog and the low-credit alert's form. The dialog sits in the top layer but is
 * still the card's descendant, so it reads the card's tokens; every target is at least 24 px.
 */
export const purchaseDialogStyles = css`
  :host {
    --_danger: var(--od-color-negative, light-dark(#c21c2c, #f85149));
  }

  dialog {
    box-sizing: border-box;
    width: min(26rem, calc(100vw - 2 * var(--_space)));
    max-height: calc(100dvh - 2 * var(--_space));
    padding: var(--od-card-padding, var(--_space));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--od-font-size, 0.875rem);
    line-height: 1.5;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  [part~='dialog-title'] {
    margin: 0 0 8px;
    font-size: var(--od-font-size-title, 1rem);
    font-weight: var(--od-font-weight-title, 600);
  }

  dialog form,
  .alert-form {
    display: grid;
    gap: 8px;
  }

  .alert-form {
    margin-block: 8px;
    padding: 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }

  .balance,
  .note,
  .purchase-status {
    margin: 0;
  }

  .note,
  .balance {
    color: var(--_muted);
  }

  [part~='checkout-waiting'] {
    margin-block: 8px;
  }

  .purchase-status:empty {
    display: none;
  }

  fieldset {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    margin-bottom: 4px;
    padding: 0;
    font-weight: 500;
  }

  [part~='pack'] {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 28px;
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }

  [part~='pack'] input {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_accent);
  }

  .custom-amount {
    display: grid;
    gap: 2px;
  }

  .custom-amount label,
  .alert-form label {
    color: var(--_muted);
    font-size: 0.875em;
  }

  input[type='text'] {
    box-sizing: border-box;
    width: 100%;
    min-height: 32px;
    padding: 4px 8px;
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .field-error {
    margin: 0;
    color: var(--_danger);
  }

  .field-error:empty {
    display: none;
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 8px;
  }

  .dialog-actions button,
  [part~='checkout-link'] {
    min-height: 32px;
  }

  [part~='confirm'],
  [part~='retry'],
  [part~='alert-save'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
  }

  [part~='confirm']:hover,
  [part~='retry']:hover,
  [part~='alert-save']:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }

  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  [part~='checkout-link'] {
    display: inline-flex;
    align-items: center;
    color: var(--_accent);
  }

  /* In the card's note the link is a sentence's last words (an inline target), not a button's row. */
  [part~='checkout-waiting'] [part~='checkout-link'] {
    display: inline;
  }
`;
