import { html, type TemplateResult } from 'lit';

/** What an amount field needs from the form around it. */
export interface AmountInput {
  /** The field's id, which its form's `<label for>` names. */
  id: string;
  /** The text as the viewer typed it. */
  text: string;
  /** The form shows a refusal for this field. */
  invalid: boolean;
  /** The id of the element that says what is wrong. */
  describedBy: string;
  /** The first field to focus when the form opens. */
  focus?: boolean;
  onInput(text: string): void;
  /** The viewer left the field after changing it: the time to say a refusal. */
  onChange(): void;
}

/**
 * The typed-money field of the purchase dialog and the low-credit alert form, one part for both
 * (`amount-input`): text, because an amount is read in the viewer's locale (its decimal and group
 * separators, format/money-input.ts), with a decimal keypad on touch screens and never autofilled.
 */
export function renderAmountInput(field: AmountInput): TemplateResult {
  return html`<input
    id=${field.id}
    part="amount-input"
    type="text"
    inputmode="decimal"
    autocomplete="off"
    ?data-focus=${field.focus ?? false}
    .value=${field.text}
    aria-invalid=${field.invalid ? 'true' : 'false'}
    aria-describedby=${field.describedBy}
    @input=${(event: InputEvent) => field.onInput((event.target as HTMLInputElement).value)}
    @change=${() => field.onChange()}
  />`;
}
