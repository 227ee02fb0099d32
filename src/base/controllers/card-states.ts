import type { ReactiveControllerHost } from 'lit';

/** The life of every data card (DESIGN.md): what it shows right now. */
export type CardState = 'loading' | 'ready' | 'empty' | 'error' | 'no-access' | 'stale';

const CARD_STATES: readonly CardState[] = ['loading', 'ready', 'empty', 'error', 'no-access', 'stale'];

/**
 * Mirrors what a card shows as custom states, so hosts can style
 * `org-info-card:state(loading)` or `:state(access-hidden)` from outside.
 */
export class CardStatesController {
  readonly #internals: ElementInternals;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#internals = host.attachInternals();
  }

  #shown?: string;

  /** `hidden`: no access and the host chose to hide the card (`access-denied="hide"`). */
  set(state: CardState, hidden: boolean): void {
    // Unchanged (most renders): touching the states would make the browser match styles again.
    const shown = `${state} ${hidden}`;
    if (shown === this.#shown) return;
    this.#shown = shown;
    const { states } = this.#internals;
    for (const name of CARD_STATES) {
      if (name === state) states.add(name);
      else states.delete(name);
    }
    if (hidden) states.add('access-hidden');
    else states.delete('access-hidden');
  }
}
