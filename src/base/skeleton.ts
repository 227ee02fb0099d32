import { html, type TemplateResult } from 'lit';
import { styleProps } from './style-props.js';

/**
 * A placeholder for a text that has not loaded, `width` wide (CSS length):
 * a card's skeleton lays these out as its data will be, so nothing moves
 * when the data arrives. `kind` adds a class for placeholders styled apart
 * (a title, an action).
 */
export function skeleton(width: string, kind?: string): TemplateResult {
  return html`<span class=${kind ? `skeleton ${kind}` : 'skeleton'} ${styleProps({ '--_w': width })}></span>`;
}

/** A term of a description list whose value is still loading. */
export function skeletonRow(term: unknown, width: string): TemplateResult {
  return html`<div class="row">
    <dt>${term}</dt>
    <dd>${skeleton(width)}</dd>
  </div>`;
}

/**
 * The two lines of a placeholder list entry (summary and meta), their widths
 * alternating by row (`[even, odd]`, in em) so the list does not look ruled.
 */
export function skeletonEntryLines(
  row: number,
  summary: readonly [number, number],
  meta: readonly [number, number],
): TemplateResult {
  return html`<p class="summary">${skeleton(`${summary[row % 2]}em`)}</p>
    <p class="meta">${skeleton(`${meta[row % 2]}em`)}</p>`;
}
