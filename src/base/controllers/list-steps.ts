import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { serverRendered } from '../server-rendered.js';

/**
 * Items in a list's first step; each later step shows twice as many. A list this short renders at
 * once: every step is a render and a frame more for the page, which only a long list repays.
 */
export const FIRST_STEP = 10;

/**
 * A long list's first render in steps, so the task that renders it stays
 * short however long the list: the first step shows the first `FIRST_STEP` items and
 * each later update (in a slice of a later task, see `runInSlice`) twice as
 * many, until the whole list is shown; from then on every render shows it
 * whole. A card of 50 rows rendered in one task held the page for tens of
 * milliseconds more than one of 5; in steps, each task renders at most twice
 * what the task before it did. A list of up to `FIRST_STEP` items renders
 * whole at once.
 *
 * Only the element's first list is shown in steps: later changes (a live
 * entry, another filter) render as they come. A server render, and the
 * hydration of one, shows the list whole (the client's first render must
 * match what the server sent). `settle` keeps the host's `updateComplete`
 * pending until the list is whole, so code that awaits it sees every item.
 */
export class ListSteps implements ReactiveController {
  #limit = isServer ? Infinity : FIRST_STEP;
  /** Whether this update showed part of its list; the next shows more. */
  #partial = false;
  #shownWhole = false;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // The server rendered the list whole.
    if (serverRendered(this.#host)) this.#limit = Infinity;
  }

  hostUpdate(): void {
    this.#partial = false;
    this.#shownWhole = false;
  }

  /** What of `items` this update renders: the first steps' part, or all of them. */
  of<T>(items: readonly T[]): readonly T[] {
    if (items.length <= this.#limit) {
      this.#shownWhole = true;
      return items;
    }
    this.#partial = true;
    return items.slice(0, this.#limit);
  }

  hostUpdated(): void {
    if (this.#shownWhole) this.#limit = Infinity;
    else if (this.#partial) {
      this.#limit *= 2;
      this.#host.requestUpdate();
    }
  }

  /** `complete` (the host's update promise) again until the list is shown whole. */
  async settle(complete: () => Promise<boolean>): Promise<boolean> {
    let done = await complete();
    while (this.#partial) done = await complete();
    return done;
  }
}
