/**
 * A store's live link to the backend while anything listens: one
 * subscription through the adapter's `subscribe`, or polling (paused while
 * the page is hidden) when the adapter has none or gives up on it, and while
 * the adapter has no stream for the org yet (`polling`, until `open`). It also
 * remembers when live updates were last missing, which decides what data is
 * stale (`LiveHealth`).
 */
import type { DashboardAdapter, DashboardEvent, LiveConnectionState } from '../contract/types.js';
import { NEVER, type LiveHealth } from './entry.js';
import type { PollIntervals } from './poll-interval.js';

/** What the live link needs of its store. */
export interface LiveHost {
  readonly adapter: DashboardAdapter;
  readonly orgId: string;
  readonly signal: AbortSignal;
  readonly pollIntervals: PollIntervals;
  isDisposed(): boolean;
  /** The next moment of the store's logical clock. */
  tick(): number;
  /** A live event of the current subscription. */
  receive(event: DashboardEvent): void;
  /** Staleness follows the connection: every resource with data says so again. */
  republishShown(): void;
  /** Fresh snapshots of everything shown, so nothing missed while disconnected stays missed. */
  resync(): void;
}

export class LiveUpdates implements LiveHealth {
  /** The live connection is down (reconnecting): nothing shown can be trusted to be current. */
  down = false;
  /** The last moment live updates were missing: data whole only as of before it is behind. */
  gapAt = NEVER;
  /** The last moment live updates (or polls) stopped, nobody listening: data from before may miss events. */
  offAt = NEVER;
  #mode: 'off' | 'subscribed' | 'polling' = 'off';
  /** Identifies the current subscription, so a late call of an old one changes nothing. */
  #token?: object;
  #unsubscribe?: () => void;
  #pollTimer?: ReturnType<typeof setInterval>;
  /** The current subscription has been `open`: it delivered events, so it can have missed some since. */
  #opened = false;
  #missedPoll = false;
  /** When the current run of live updates (or polling) began. */
  #runSince = NEVER;

  readonly #host: LiveHost;

  constructor(host: LiveHost) {
    this.#host = host;
  }

  /**
   * Since when live updates (or polls) run: data had before then may lack what happened since it
   * came, as nobody listened. While they are off, that holds of any data, however new.
   */
  get runSince(): number {
    return this.#mode === 'off' ? Infinity : this.#runSince;
  }

  start(): void {
    const host = this.#host;
    if (this.#mode !== 'off' || host.isDisposed()) return;
    this.#runSince = host.tick();
    if (!host.adapter.subscribe) return this.#startPolling();
    const token = {};
    try {
      this.#mode = 'subscribed';
      this.#token = token;
      this.#opened = false;
      this.#unsubscribe = host.adapter.subscribe(
        host.orgId,
        (event) => {
          if (this.#token === token) host.receive(event);
        },
        {
          signal: host.signal,
          onConnectionChange: (state) => {
            if (this.#token === token) this.#onConnectionChange(state);
          },
        },
      );
    } catch {
      this.#token = undefined;
      this.#mode = 'off';
      this.#startPolling();
    }
  }

  stop(): void {
    const unsubscribe = this.#unsubscribe;
    this.#unsubscribe = undefined;
    this.#token = undefined;
    this.#mode = 'off';
    if (this.down) {
      // Nobody listens now; whoever listens next gets data fetched after this outage.
      this.down = false;
      this.gapAt = this.#host.tick();
    }
    this.offAt = this.#host.tick();
    this.#stopTimer();
    unsubscribe?.();
  }

  /** A new interval applies from now on: the timer starts over with it. */
  restartPolling(): void {
    if (this.#pollTimer === undefined) return;
    this.#stopTimer();
    this.#startTimer();
  }

  #onConnectionChange(state: LiveConnectionState): void {
    const host = this.#host;
    if (host.isDisposed()) return;
    if (state === 'reconnecting') {
      this.down = true;
      this.gapAt = host.tick();
      host.republishShown();
    } else if (state === 'open') {
      this.#opened = true;
      // Streamed again after polling (a place came free), or back after a drop: fetch what was missed.
      const polled = this.#pollTimer !== undefined;
      if (!this.down && !polled) return;
      this.#stopTimer();
      this.down = false;
      this.gapAt = host.tick();
      host.republishShown();
      host.resync();
    } else if (state === 'polling') {
      // No stream for this org for now: poll, still subscribed, until an `open` says it is streamed.
      // Polled already, only a `reconnecting` since (a tab that led went away) changes anything.
      if (this.#mode !== 'subscribed' || (this.#pollTimer !== undefined && !this.down)) return;
      this.#startTimer();
      // A subscription never open has missed nothing: its first fetch and the polls cover it all
      // (at a page load over the cap, a resync would fetch everything twice).
      if (!this.#opened && !this.down) return;
      this.down = false;
      this.gapAt = host.tick();
      host.republishShown();
      host.resync();
    } else if (this.#mode === 'subscribed') {
      // The adapter gave up on live updates: what happened until now may be
      // missing, so fetch it now, and keep it fresh by polling from here on.
      this.#token = undefined;
      this.#unsubscribe = undefined;
      this.#mode = 'off';
      this.down = false;
      this.gapAt = host.tick();
      host.republishShown();
      this.#startPolling();
      host.resync();
    }
  }

  #startPolling(): void {
    if (this.#mode !== 'off' || this.#host.isDisposed()) return;
    this.#mode = 'polling';
    this.#startTimer();
  }

  /** Polls every interval from now on (one timer, whatever asks twice). */
  #startTimer(): void {
    if (this.#pollTimer !== undefined) return;
    this.#pollTimer = setInterval(() => this.#poll(), this.#host.pollIntervals.effective);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  #stopTimer(): void {
    clearInterval(this.#pollTimer);
    this.#pollTimer = undefined;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  #poll(): void {
    // Paused while the page is hidden; caught up as soon as it shows again.
    if (document.visibilityState === 'hidden') {
      this.#missedPoll = true;
      return;
    }
    this.#missedPoll = false;
    this.#host.resync();
  }

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState !== 'visible' || !this.#missedPoll) return;
    // The next poll comes a whole interval after this catch-up, not at the old timer's next tick.
    this.#stopTimer();
    this.#startTimer();
    this.#poll();
  };
}
