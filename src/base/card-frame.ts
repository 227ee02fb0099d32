/**
 * The frame every card renders (DESIGN.md, "Parts"): the same parts, ids,
 * roles and slots in every card and the activity log, so hosts style and
 * test them once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardError } from '../contract/errors.js';
import { formatDateTime, type FormatContext } from '../format/format.js';
import type { Direction } from '../i18n/direction.js';
import { ERROR_TEXT } from '../strings/card.js';
import type { DashboardStrings } from '../strings/strings.js';
import { fill } from '../strings/template.js';

export interface CardFrame {
  /** The language and direction of the texts (`LocalizeController`). */
  lang: string;
  dir: Direction;
  busy: boolean;
  /** The host's `heading-level`, as given. */
  headingLevel: unknown;
  title: string;
  /** What follows the title in the header: the element's own controls and the `header-actions` slot. */
  header?: unknown;
  body: unknown;
  /** After the body: notes on left-out items, the stale note. */
  footer?: unknown;
  /** The live region (`LiveAnnouncer.render()`). */
  status: unknown;
}

/** The heading level the host asked for, 1 to 6; anything else is 2. */
export function headingLevel(value: unknown): string {
  const level = Math.round(Number(value));
  return String(level >= 1 && level <= 6 ? level : 2);
}

export function renderCardFrame(frame: CardFrame): TemplateResult {
  return html`
    <section
      part="card"
      lang=${frame.lang}
      dir=${frame.dir}
      aria-labelledby="title"
      aria-busy=${frame.busy ? 'true' : 'false'}
    >
      <div part="header">
        <div part="title" id="title" role="heading" aria-level=${headingLevel(frame.headingLevel)}>
          <slot name="heading">${frame.title}</slot>
        </div>
        ${frame.header ?? nothing}
      </div>
      <div part="body">${frame.body}</div>
      ${frame.footer ?? nothing} ${frame.status}
    </section>
  `;
}

/** Why loading failed, in words by error code, with a retry when there is something to retry. */
export function renderErrorMessage(
  error: DashboardError | undefined,
  strings: DashboardStrings,
  retry?: () => void,
): TemplateResult {
  const key = (error && ERROR_TEXT[error.code]) || 'errorGeneric';
  return html`
    <div part="message error" role="alert">
      <slot name="error">${strings[key]}</slot>
      ${retry ? html`<button part="retry" type="button" @click=${retry}>${strings.retry}</button>` : nothing}
    </div>
  `;
}

/** Data shown from before a failed refresh: since when, and a retry. */
export function renderStaleNote(
  updatedAt: number | undefined,
  strings: DashboardStrings,
  format: FormatContext,
  retry: () => void,
): TemplateResult {
  const time = updatedAt === undefined ? '' : formatDateTime(updatedAt, format, { timeStyle: 'short' });
  return html`
    <p part="footer stale">
      <span>${strings.staleNotice} ${fill(strings.lastUpdated, { time })}</span>
      <button part="retry" type="button" @click=${retry}>${strings.retry}</button>
    </p>
  `;
}

export function renderNoAccess(strings: DashboardStrings): TemplateResult {
  return html`<p part="message no-access">${strings.noAccess}</p>`;
}
