/**
 * What the tabs of one browser say to each other about a `baseUrl`'s live
 * stream (live-hub.ts): one Web Lock elects the tab that holds the stream, and
 * one `BroadcastChannel` carries the orgs each tab wants and the events the
 * leader receives. The lock is released when the leader's page closes (the
 * browser does it), and the next waiting tab leads.
 *
 * A browser may refuse either: Web Locks reject with `SecurityError` in opaque
 * origins (a sandboxed iframe, a `data:` document) and, in Chromium, where site
 * storage is blocked; `BroadcastChannel` throws where storage is denied. The
 * link then gives both up and says `unshared`, and the hub streams this tab's
 * own orgs, as where Web Locks do not exist.
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
  /**
   * The browser refused the lock or the channel, now or later (while this tab led or waited):
   * this tab holds no lock from now on and is no longer heard. Said at most once, never before
   * `after` has settled, never after `close()`.
   */
  unshared(): void;
}

/**
 * Whether tabs can share a stream here: Web Locks (secure contexts only, e.g.
 * https or localhost) and `BroadcastChannel`, in an origin that is not opaque
 * (`'null'`), where every lock request is refused. Other refusals show only
 * when asked: the link then says `unshared`.
 */
export function canShareTabs(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.locks?.request === 'function' &&
    typeof BroadcastChannel === 'function' &&
    globalThis.origin !== 'null'
  );
}

export class TabLink {
  /** This tab, in the messages it sends. */
  readonly id = `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  /** None when the browser refused to make it. */
  readonly #channel?: BroadcastChannel;
  readonly #abort = new AbortController();
  /** Settles when this page's previous link of the same name has let go of the lock, however it went. */
  readonly #after: Promise<void>;
  /** Settles once this tab no longer holds or waits for the lock. */
  readonly #released: Promise<void>;
  #release?: () => void;
  #closed = false;
  #refused = false;

  /** `after`: settles when this page's previous link of the same name has let go of the lock. */
  constructor(
    private readonly name: string,
    private readonly handlers: TabLinkHandlers,
    after: Promise<void>,
  ) {
    this.#after = after.then(
      () => {},
      () => {},
    );
    try {
      this.#channel = new BroadcastChannel(name);
      this.#channel.onmessage = (message: MessageEvent<TabMessage>) => {
        if (this.#closed) return;
        try {
          handlers.message(message.data);
        } catch (error) {
          report(error);
        }
      };
    } catch {
      // Refused (storage denied): `#claim` says `unshared` instead of asking for the lock.
    }
    // A lock request that rejects, now or after a wait, is the browser's refusal, not the page's
    // error: none reaches the host page, and the hub streams on its own. (`close()` also ends
    // the wait with a rejection; `#refuse` ignores it then.)
    this.#released = this.#after.then(() => this.#claim()).catch(() => this.#refuse());
  }

  async #claim(): Promise<void> {
    if (this.#closed || this.#refused) return;
    if (!this.#channel) return this.#refuse();
    let held = false;
    // Free now: nobody led before this tab. (A signal cannot go with `ifAvailable`.)
    await navigator.locks.request(this.name, { ifAvailable: true }, (lock) => {
      held = lock !== null;
      return held ? this.#hold(false) : undefined;
    });
    if (held || this.#closed || this.#refused) return;
    await navigator.locks.request(this.name, { signal: this.#abort.signal }, () => this.#hold(true));
  }

  /** Held until close(), or until the page goes away. */
  #hold(handover: boolean): Promise<void> | undefined {
    if (this.#closed || this.#refused) return undefined;
    return new Promise<void>((resolve) => {
      this.#release = resolve;
      try {
        this.handlers.lead(handover);
      } catch (error) {
        report(error);
      }
    });
  }

  /**
   * The browser refused the lock or the channel: let go of the lock, held or waited for (another
   * tab can lead; this one could not pass it on), and once `after` has settled say `unshared`.
   */
  #refuse(): void {
    if (this.#closed || this.#refused) return;
    this.#refused = true;
    this.#abort.abort();
    this.#release?.();
    void this.#after.then(() => {
      if (this.#closed) return;
      try {
        this.handlers.unshared();
      } catch (error) {
        report(error);
      }
    });
  }

  post(message: TabMessage): void {
    if (this.#closed || !this.#channel) return;
    try {
      this.#channel.postMessage(message);
    } catch {
      // The channel failed (a message it cannot carry): the other tabs no longer hear this one.
      this.#refuse();
    }
  }

  /** Settles once the lock is let go, so the next holder's streams never overlap this one's. */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#abort.abort();
      this.#release?.();
      this.#channel?.close();
    }
    return this.#released;
  }
}
