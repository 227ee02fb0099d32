/**
 * What the tabs of one browser say to each other about a `baseUrl`'s live
 * stream (live-hub.ts): one Web Lock elects the tab that holds the stream, and
 * one `BroadcastChannel` carries the orgs each tab wants and the events the
 * leader receives. The lock is released when the leader's page closes (the
 * browser does it), and the next waiting tab leads.
 */
import type { DashboardEvent, LiveConnectionState } from '../contract/types.js';
import { report } from './sse.js';

export type TabMessage =
  /** A tab's orgs, all of them (none when it leaves). */
  | { t: 'want'; from: string; orgs: string[] }
  /** A new leader asks every tab for its orgs. */
  | { t: 'hello' }
  /** `carries`: the orgs of the stream it came on, each of which has now reached `id`. */
  | { t: 'ev'; via: string; id: string | undefined; carries: string[]; orgId: string; event: DashboardEvent }
  /** A resume point without an event. */
  | { t: 'id'; via: string; id: string; carries: string[] }
  | { t: 'st'; orgs: string[]; state: LiveConnectionState };

export interface TabLinkHandlers {
  /** This tab now holds the lock, until `close()`. */
  lead(): void;
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
  #release?: () => void;
  #closed = false;

  constructor(name: string, handlers: TabLinkHandlers) {
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (message: MessageEvent<TabMessage>) => {
      if (this.#closed) return;
      try {
        handlers.message(message.data);
      } catch (error) {
        report(error);
      }
    };
    navigator.locks
      .request(name, { signal: this.#abort.signal }, () => {
        if (this.#closed) return undefined;
        // Held until close(), or until the page goes away.
        return new Promise<void>((resolve) => {
          this.#release = resolve;
          try {
            handlers.lead();
          } catch (error) {
            report(error);
          }
        });
      })
      // Aborted (closed before this tab's turn came): nothing to do.
      .catch(() => {});
  }

  post(message: TabMessage): void {
    if (!this.#closed) this.#channel.postMessage(message);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort();
    this.#release?.();
    this.#channel.close();
  }
}
