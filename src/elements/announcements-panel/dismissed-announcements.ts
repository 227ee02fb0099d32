/**
 * Which announcements the panel's viewer dismissed, and whether they are
 * shown anyway ("Show dismissed"): read from `dismissals.ts` for the current
 * org and user, followed while the panel is connected (other panels, other
 * tabs), and written when the viewer dismisses or restores one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { serverRendered } from '../../base/server-rendered.js';
import type { Announcement } from '../../contract/types.js';
import { dismissalKey, onDismissalsChange, readDismissed, writeDismissed } from './dismissals.js';

const NONE: ReadonlySet<string> = new Set();

export class DismissedAnnouncements implements ReactiveController {
  private stored: ReadonlySet<string> = new Set();
  private showingAll = false;
  /**
   * The update that hydrates a server render (which knows no viewer's storage) shows nothing
   * dismissed, as the server did: Lit's hydration throws on any other template. The viewer's
   * dismissals apply in the update after it.
   */
  private hydrating = false;
  private storageKey?: string;
  private stopListening?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hydrating = serverRendered(this.host);
    // Read and follow afresh: an update off the page read the key without following it.
    this.storageKey = undefined;
  }

  hostUpdated(): void {
    if (!this.hydrating) return;
    this.hydrating = false;
    if (this.stored.size > 0) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    this.storageKey = undefined;
  }

  /** Whether dismissed announcements are shown (with a Restore button). */
  get shown(): boolean {
    return this.showingAll;
  }

  set shown(value: boolean) {
    this.showingAll = value;
    this.host.requestUpdate();
  }

  /** The dismissed ids in effect: none while hydrating. */
  private get ids(): ReadonlySet<string> {
    return this.hydrating ? NONE : this.stored;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** What the panel lists: all of `data` while dismissed ones are shown, else those not dismissed. */
  visibleOf(data: readonly Announcement[]): Announcement[] {
    return this.showingAll ? [...data] : data.filter((a) => !this.ids.has(a.id));
  }

  countIn(data: readonly Announcement[]): number {
    return data.reduce((count, a) => count + (this.ids.has(a.id) ? 1 : 0), 0);
  }

  /** Loads the dismissed ids of this org and user, and follows their changes. */
  sync(orgId: string, userId: string | undefined): void {
    const key = dismissalKey(orgId, userId);
    if (key === this.storageKey) return;
    this.stopListening?.();
    this.stopListening = undefined;
    // Another org or user: start from their own list, not the previous viewer's "show dismissed".
    if (this.storageKey !== undefined) this.shown = false;
    this.storageKey = key;
    this.take(readDismissed(key));
    if (!this.host.isConnected) return;
    this.stopListening = onDismissalsChange(key, () => this.take(readDismissed(key)));
  }

  /** Dismisses (else restores) `id`; `served`: the announcements the org serves now, whose dismissals are all kept. */
  toggle(id: string, dismiss: boolean, served: readonly Announcement[]): void {
    if (this.storageKey === undefined) return;
    const ids = [...this.stored].filter((other) => other !== id);
    if (dismiss) ids.push(id);
    // The change listener takes them too; take them here as well for a panel not connected.
    this.take(writeDismissed(this.storageKey, ids, new Set(served.map((a) => a.id))));
  }

  private take(ids: readonly string[]): void {
    this.stored = new Set(ids);
    this.host.requestUpdate();
  }
}
