/**
 * What the tabs of one browser say to each other about a `baseUrl`'s live
 * stream (live-hub.ts): one Web Lock elects the tab that holds the stream, and
 * one `BroadcastChannel` carries the orgs each tab wants and the events the
 * leader receives. The lock is released when the leader's page closes (the
 * browser does it), and the next waiting tab leads.
 */
import type { DashboardEvent, LiveConnectionState } from '../contract/types.js';
import type { ResumeSnapshot } from './resume-points.js';
import { report } from './sse.js';

export type TabMessage =
  /** A tab's orgs, all of them (none when it leaves), and the resume points it knows. */
  | { t: 'want'; from: string; orgs: string[]; points?: ResumeSnapshot }
  /**
   * A new leader asks every tab for its orgs. `handover`: it took over from another tab, whose
   * last events may have reached some tabs and not others.
   */
  | { t: 'hello'; handover: boolean }
  /** The leader's answer to one tab's `want`: where its orgs' streams stand. */
  | { t: 'sync'; to: string; points: ResumeSnapshot; states: Array<[string, LiveConnectionState]> }
  /** `carries`: the orgs of the stream it came on, each of which has now reached `id`. */
  | { t: 'ev'; via: string; id: string | undefined; carries: string[]; orgId: string; event: DashboardEvent }
  /** A resume point without an event. */
  | { t: 'id'; via: string; id: string; carries: string[] }
  /** The leader's resume points, sent before a stream says `open`. */
  | { t: 'pt'; points: ResumeSnapshot }
  | { t: 'st'; orgs: string[]; state: LiveConnectionState };

export interface TabLinkHandlers {
  /**
   * This tab now holds the lock, until `close()`. `handover`: another tab held it when this one
   * asked (this page's own earlier holder is waited for first, so it does not count).
   */
  lead(handover: boolean): void;
  message(message: TabMessage): void;
}

/**
 * Whether tabs can share a stream here: Web Locks (secure contexts only, e.g.
 * https or localhost) and `BroadcastChannel`.
 */
export function canShareTabs(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.locks?.request === 'function' &&
    typeof BroadcastChannel === 'function'
  );
}

export class TabLink {
  /** This tab, in the messages it sends. */
  readonly id = `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  readonly #channel: BroadcastChannel;
  readonly #abort = new AbortController();
  /** Settles once this tab no longer holds or waits for the lock. */
  readonly #released: Promise<void>;
  #release?: () => void;
  #closed = false;

  /** `after`: settles when this page's previous link of the same name has let go of the lock. */
  constructor(
    private readonly name: string,
    private readonly handlers: TabLinkHandlers,
    after: Promise<void>,
  ) {
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (message: MessageEvent<TabMessage>) => {
      if (this.#closed) return;
      try {
        handlers.message(message.data);
      } catch (error) {
        report(error);
      }
    };
    this.#released = after.then(() => this.#claim()).catch(report);
  }

  async #claim(): Promise<void> {
    if (this.#closed) return;
    let held = false;
    // Free now: nobody led before this tab. (A signal cannot go with `ifAvailable`.)
    await navigator.locks.request(this.name, { ifAvailable: true }, (lock) => {
      held = lock !== null;
      return held ? this.#hold(false) : undefined;
    });
    if (held || this.#closed) return;
    await navigator.locks
      .request(this.name, { signal: this.#abort.signal }, () => this.#hold(true))
      // Aborted (closed before this tab's turn came): nothing to do.
      .catch(() => {});
  }

  /** Held until close(), or until the page goes away. */
  #hold(handover: boolean): Promise<void> | undefined {
    if (this.#closed) return undefined;
    return new Promise<void>((resolve) => {
      this.#release = resolve;
      try {
        this.handlers.lead(handover);
      } catch (error) {
        report(error);
      }
    });
  }

  post(message: TabMessage): void {
    if (!this.#closed) this.#channel.postMessage(message);
  }

  /** Settles once the lock is let go, so the next holder's streams never overlap this one's. */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#abort.abort();
      this.#release?.();
      this.#channel.close();
    }
    return this.#released;
  }
}
