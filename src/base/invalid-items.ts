/**
 * Items a list left out as invalid (DESIGN.md, "Lists"), on the card's side:
 * a short note on the card, and one `od-error` per left-out item, once.
 */
import { html, type TemplateResult } from 'lit';
import type { DashboardError } from '../contract/errors.js';
import { invalidItemKey } from '../contract/validation.js';
import type { FormatContext } from '../format/format.js';
import { fillPlural } from '../i18n/plural.js';
import type { DashboardStrings } from '../strings/strings.js';

const NONE: readonly DashboardError[] = [];

/** The left-out items of store data: what the store kept for them, else what the parse recorded. */
export function invalidOfStoreData(
  recorded: readonly DashboardError[] | undefined,
  fromParse: readonly DashboardError[],
): readonly DashboardError[] {
  return recorded?.length ? recorded : fromParse.length ? fromParse : NONE;
}

/** "2 items could not be shown", in the card's footer row (also a `footer` part). */
export function renderInvalidNote(
  invalid: readonly DashboardError[],
  strings: DashboardStrings,
  format: FormatContext,
): TemplateResult | undefined {
  if (invalid.length === 0) return undefined;
  return html`<p part="footer invalid-items">${fillPlural(strings.invalidItems, invalid.length, format)}</p>`;
}

/**
 * Which left-out items a card already reported for the store it is bound to,
 * so each is reported once: not again on a render, an identical refresh, or a
 * refresh that moved it in the list (items are known by id, see
 * `invalidItemKey`). A new binding (another org or adapter) starts afresh.
 */
export class InvalidItemsReport {
  #owner?: object;
  readonly #reported = new Set<string>();

  /** The items of `invalid` not yet reported for `owner`; from now on they count as reported. */
  take(owner: object, invalid: readonly DashboardError[]): DashboardError[] {
    if (owner !== this.#owner) {
      this.#owner = owner;
      this.#reported.clear();
    }
    const fresh: DashboardError[] = [];
    for (const error of invalid) {
      const key = invalidItemKey(error);
      if (this.#reported.has(key)) continue;
      this.#reported.add(key);
      fresh.push(error);
    }
    return fresh;
  }

  /** Forgets everything reported (the card let go of its store). */
  clear(): void {
    this.#owner = undefined;
    this.#reported.clear();
  }
}
