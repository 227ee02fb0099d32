import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { whenStillOffPage } from '../left-page.js';

/** Least time between two live-update announcements of one element; changes in between are coalesced. */
export const ANNOUNCE_INTERVAL_MS = 5000;

export interface LiveAnnouncerOptions {
  intervalMs?: number;
  /** How to ask for a render when a held-back summary is due (default: the host's `requestUpdate`). */
  request?: () => void;
}

/**
 * The element's polite status region: what screen readers hear without
 * moving focus. `say` speaks at once (the result of the viewer's own
 * action); `track` follows live data and speaks a summary of what changed
 * at most once per interval, so a busy org does not drown the reader.
 */
export class LiveAnnouncer implements ReactiveController {
  #current = '';
  /** The data last announced (or first seen) of `source`: what the next summary compares with. */
  #baseline?: { source: object; data: unknown };
  #lastAnnouncedAt = -Infinity;
  #timer?: ReturnType<typeof setTimeout>;
  /** Set when the pause is over: the next update announces what changed meanwhile. */
  #due = false;
  /** A source whose next change is the viewer's own, already said by its result. */
  #acknowledged?: object;
  readonly #intervalMs: number;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LiveAnnouncerOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LiveAnnouncerOptions = {}) {
    this.#host = host;
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? ANNOUNCE_INTERVAL_MS;
    host.addController(this);
  }

  get text(): string {
    return this.#current;
  }

  /** Speaks `text` now; the same text twice in a row is news too, so the region is emptied first. */
  say(text: string): void {
    this.#current = '';
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      this.#current = text;
      this.#host.requestUpdate();
    });
  }

  /**
   * Call on every update (in `willUpdate`) with the live data the render
   * shows and where it comes from (a store). The first data of a source only
   * sets the baseline; an undefined source (data the host set) says nothing.
   */
  track<T>(
    source: object | undefined,
    data: T | undefined,
    summarize: (previous: T, current: T) => string | undefined,
  ): void {
    if (!source) {
      this.#baseline = undefined;
      return;
    }
    if (data === undefined) return;
    const baseline = this.#baseline;
    if (!baseline || baseline.source !== source) this.#baseline = { source, data };
    else if (baseline.data !== data) {
      if (this.#acknowledged === source) this.#baseline = { source, data };
      else if (this.#due) this.#announce(source, baseline.data as T, data, summarize);
      else this.#schedule();
      this.#acknowledged = undefined;
    }
    this.#due = false;
  }

  /**
   * The next change of `source` (a store) is the viewer's own action, whose result was said
   * already ("$500.00 added…"): it becomes the baseline without a summary saying it again.
   */
  acknowledge(source: object): void {
    this.#acknowledged = source;
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status">${this.#current}</div>`;
  }

  hostDisconnected(): void {
    // A move within the page (out and back in one task) is not leaving: a summary held back for
    // the pause still comes, against the data announced before. Only an element that left lets go.
    whenStillOffPage(this.#host, () => {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#baseline = undefined;
    });
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastAnnouncedAt + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#due = true;
      (this.#options.request ?? (() => this.#host.requestUpdate()))();
    }, wait);
  }

  #announce<T>(
    source: object,
    previous: T,
    current: T,
    summarize: (previous: T, current: T) => string | undefined,
  ): void {
    this.#baseline = { source, data: current };
    const text = summarize(previous, current);
    if (!text) return;
    this.#lastAnnouncedAt = Date.now();
    this.#current = text;
  }
}
