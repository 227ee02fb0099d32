/**
 * The log's two date inputs, `from` and `to`: calendar days in the viewer's
 * zone, bounded by the first day kept (retention.ts) and by each other.
 *
 * Typing a day is not picking one. Chromium fires `change` at every key that
 * changes a date input's value, so typing the year 2026 gives 0002, 0020,
 * 0202 and then 2026: each half-typed day would be a request, an
 * `od-activity-log-filter-change` a host writes to its URL, and (long before
 * the first day kept) a validity bubble, whose render also reset the field
 * under the viewer's keys. A day typed therefore counts once typing pauses
 * (as the search does), or at once when the viewer leaves the field or
 * presses Enter; a day picked in the calendar (no key pressed in the field)
 * counts at once. Until then the field shows what is being typed, whatever
 * renders meanwhile.
 *
 * A day outside the bounds (before the first day kept, or one that would run
 * the range backwards) is refused: the input keeps it and says why through
 * its native validity, and the filter stays what it was.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { beforeRetention, RETENTION_NOTE_ID, type Retention } from './retention.js';

export type DayKey = 'from' | 'to';

/** The element the inputs belong to: its `from` and `to` filters. */
export interface DayHost {
  from?: string;
  to?: string;
  requestUpdate(): void;
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `day` would run the range backwards against the other end in effect (4-digit years compare as strings). */
function outOfOrder(key: DayKey, day: string, host: DayHost): boolean {
  const other = key === 'from' ? host.to : host.from;
  if (!other || !BARE_DATE.test(day) || !BARE_DATE.test(other)) return false;
  return key === 'from' ? day > other : day < other;
}

export interface DayInputsOptions {
  /** Applies a day the viewer chose (the filter and its event). */
  set(key: DayKey, value: string): void;
  /** The retention as last rendered: the first day kept. */
  retention(): Retention | undefined;
  /** The rendered input of one end, whose validity says why a day is refused. */
  field(key: DayKey): HTMLInputElement | null | undefined;
  /** How long typing pauses before a typed day counts. */
  pauseMs: number;
}

export class DayInputs {
  /** A day refused, shown while the filter it was typed over (`over`) stays in effect. */
  private refused: { [key in DayKey]?: { value: string; over?: string } } = {};
  /** A day being typed, not yet counted. */
  private typed: { [key in DayKey]?: { value: string; timer: ReturnType<typeof setTimeout> } } = {};
  /** Fields a key was pressed in since they were last left: their changes are typing. */
  private readonly typing = new Set<DayKey>();

  constructor(
    private readonly host: DayHost,
    private readonly options: DayInputsOptions,
  ) {}

  /** What a date input shows: the day being typed, else the day refused while the filter stays, else the filter. */
  shown(key: DayKey): string {
    const typed = this.typed[key];
    if (typed) return typed.value;
    const refused = this.refused[key];
    if (refused && refused.over === this.host[key]) return refused.value;
    delete this.refused[key];
    return this.host[key] ?? '';
  }

  /** Counts the days being typed now (Enter in the filter bar). */
  commit(): void {
    for (const key of ['from', 'to'] as const) this.commitTyped(key);
  }

  /** Forgets every day typed or refused (Clear filters, the log leaving the page). */
  reset(): void {
    for (const typed of Object.values(this.typed)) clearTimeout(typed.timer);
    this.typed = {};
    this.refused = {};
    this.typing.clear();
  }

  /** One end of the range; `bound` keeps it after the first day kept and on its side of the other end. */
  render(key: DayKey, bound: { min?: string; max?: string }): TemplateResult {
    return html`<input
      part=${`${key}-filter`}
      type="date"
      .value=${live(this.shown(key))}
      min=${ifDefined(bound.min || undefined)}
      max=${ifDefined(bound.max || undefined)}
      aria-describedby=${ifDefined(this.options.retention() ? RETENTION_NOTE_ID : undefined)}
      @keydown=${() => this.typing.add(key)}
      @change=${(e: Event) => this.changed(key, (e.target as HTMLInputElement).value)}
      @blur=${() => {
        this.typing.delete(key);
        // Said by the field's own validity, without calling focus back to it from where the viewer went.
        this.commitTyped(key, false);
      }}
    />`;
  }

  /** A picked day counts now; a typed one once typing pauses. */
  private changed(key: DayKey, value: string): void {
    clearTimeout(this.typed[key]?.timer);
    delete this.typed[key];
    if (!this.typing.has(key)) {
      this.apply(key, value);
      return;
    }
    const timer = setTimeout(() => this.commitTyped(key), this.options.pauseMs);
    this.typed[key] = { value, timer };
  }

  private commitTyped(key: DayKey, report = true): void {
    const typed = this.typed[key];
    if (!typed) return;
    clearTimeout(typed.timer);
    delete this.typed[key];
    this.apply(key, typed.value, report);
  }

  /** A day the viewer chose: applied, unless a bound refuses it (then the input says why, if `report`). */
  private apply(key: DayKey, value: string, report = true): void {
    delete this.refused[key];
    this.host.requestUpdate();
    if (beforeRetention(value, this.options.retention()) || outOfOrder(key, value, this.host)) {
      this.refused[key] = { value, over: this.host[key] };
      if (report) this.options.field(key)?.reportValidity();
      return;
    }
    this.options.set(key, value);
  }
}
