/**
 * The viewer's read mark (DESIGN.md, "Read state"): announcements published
 * after it are new. Remembered per organization and user as dismissals are
 * (`remembered.ts`), as an ISO 8601 instant under
 * `od-announcements-read:<org>[:<user-id>]`, and followed while the panel is
 * connected, so panels of the same org and user on the page and in other tabs
 * stay in step.
 *
 * Marking read moves the mark to the newest publication time the panel
 * shows, not to the viewer's clock: what was marked is exactly what was seen,
 * whichever way the viewer's clock is off from the server's. With the clock
 * behind, "now" would leave the latest announcements new after marking them
 * read; with it ahead, an announcement published after marking but before
 * the viewer's "now" (it arrives with the next poll) would never show as new.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { serverRendered } from '../../base/server-rendered.js';
import { instantMillis } from '../../contract/instant.js';
import type { Announcement } from '../../contract/types.js';
import { onRememberedChange, readRemembered, rememberedKey, writeRemembered } from './remembered.js';

const PREFIX = 'od-announcements-read';

/** A viewer with no mark yet sees the announcements of this many days before now as new. */
export const FIRST_VISIT_DAYS = 14;
const DAY_MS = 24 * 3600_000;

/** The storage key of an org's (and user's) read mark. */
export function readMarkKey(orgId: string, userId?: string): string {
  return rememberedKey(PREFIX, orgId, userId);
}

/** The stored mark, in ms; undefined when there is none or it is not an instant. */
function readStored(key: string): number | undefined {
  const raw = readRemembered(key);
  return raw ? instantMillis(raw) : undefined;
}

export class ReadMark implements ReactiveController {
  #key?: string;
  #mark?: number;
  #stopListening?: () => void;
  /**
   * The update that hydrates a server render (which knows no viewer's mark) shows nothing new, as
   * the server did: Lit's hydration throws on any other template. The mark applies in the update after.
   */
  #hydrating = false;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#hydrating = serverRendered(this.#host);
    // Read and follow afresh: an update off the page read the key without following it.
    this.#key = undefined;
  }

  hostUpdated(): void {
    if (!this.#hydrating) return;
    this.#hydrating = false;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#key = undefined;
  }

  /** Loads the mark of this org and user, and follows its changes (other panels, other tabs). */
  sync(orgId: string, userId: string | undefined): void {
    const key = readMarkKey(orgId, userId);
    if (key === this.#key) return;
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#key = key;
    this.#mark = readStored(key);
    if (!this.#host.isConnected) return;
    this.#stopListening = onRememberedChange(key, () => {
      this.#mark = readStored(key);
      this.#host.requestUpdate();
    });
  }

  /** Announcements published after this instant are new: the viewer's mark, else 14 days before `now`. */
  since(now: number): number {
    return this.#mark ?? now - FIRST_VISIT_DAYS * DAY_MS;
  }

  isNew(a: Announcement, now: number): boolean {
    return !this.#hydrating && Date.parse(a.publishedAt) > this.since(now);
  }

  /**
   * Marks `shown` read: the mark moves to the newest publication among them
   * (never back), in memory at once and in storage when it lets us. Returns
   * the new mark, or undefined with nothing to mark.
   */
  markRead(shown: readonly Announcement[]): number | undefined {
    const mark = shown.reduce(
      (newest, a) => Math.max(newest, Date.parse(a.publishedAt)),
      this.#mark ?? -Infinity,
    );
    if (this.#key === undefined || !Number.isFinite(mark)) return undefined;
    this.#mark = mark;
    writeRemembered(this.#key, new Date(mark).toISOString());
    this.#host.requestUpdate();
    return mark;
  }
}
