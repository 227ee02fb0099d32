/**
 * A reference model of what the store must hold, computed from the history
 * of what happened rather than step by step as the store does: per snapshot
 * topic the newest snapshot by the moment its data was current; per list the
 * latest response merged with the entries that arrived live after its fetch
 * began, one per id (newest copy wins), newest first, capped at the window;
 * stale iff data is shown and a failure or a live outage came after the last
 * good data (or the connection is down right now).
 *
 * Moments are counted in whole steps, one per command; a fetch a command
 * starts begins half a step after it (after the command's own effect).
 */
import type { Activity, Announcement, Organization, WorkspaceStats } from '../../src/contract/types.js';

export const SNAPSHOT_KEYS = ['organization', 'workspaces'] as const;
export const LIST_KEYS = ['activity', 'announcements'] as const;
export const MODEL_KEYS = [...SNAPSHOT_KEYS, ...LIST_KEYS] as const;
export type ModelKey = (typeof MODEL_KEYS)[number];
export const WINDOW = 50;

/** Abstract values the generators make; `materialize*` turns them into one org's data. */
export interface ActivityRef {
  index: number;
  variant: number;
}
export interface AnnouncementRef {
  index: number;
  variant: number;
}

const ACTIONS = ['Create', 'Update', 'Delete'];
const BASE = Date.UTC(2026, 10, 20, 10, 0);

/** Activities of one id always share their time (an audit record's time never changes); pairs of ids share one, so ties occur. */
export const activityOf = (org: string, ref: ActivityRef): Activity => ({
  id: `${org}-a${ref.index}`,
  resourceType: 'Workspaces',
  action: ACTIONS[ref.variant % ACTIONS.length],
  occurredAt: new Date(BASE + Math.floor(ref.index / 2) * 60_000).toISOString(),
});

/** A changed announcement may move: its time depends on the copy. */
export const announcementOf = (org: string, ref: AnnouncementRef): Announcement => ({
  id: `${org}-n${ref.index}`,
  kind: 'feature',
  title: `Title ${ref.variant}`,
  body: `Body of ${org}`,
  publishedAt: new Date(Date.UTC(2026, 10, 1 + ((ref.index * 3 + ref.variant) % 12))).toISOString(),
});

export const workspacesOf = (total: number): WorkspaceStats => ({
  total,
  active: total,
  suspended: 0,
  others: 0,
});

export const organizationOf = (org: string, version: number): Organization => ({
  id: org,
  name: `${org} v${version}`,
  owner: { name: 'Ada' },
  createdAt: '2023-03-14T09:26:53Z',
  teamSize: version,
});

const timeOf = (item: Activity | Announcement) =>
  Date.parse('occurredAt' in item ? item.occurredAt : item.publishedAt);

/** Newest first; one instant by id in code-unit order (DESIGN leaves ties open; the store documents this). */
export function newestFirst<T extends Activity | Announcement>(a: T, b: T): number {
  return timeOf(b) - timeOf(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Good {
  /** The moment the data was current: its fetch's beginning, or a live snapshot's arrival. */
  asOf: number;
  /** Wall-clock time it was applied (the store's `updatedAt`). */
  at: number;
  data: unknown;
}

interface History {
  goods: Good[];
  arrivals: { at: number; item: Activity | Announcement }[];
  failures: { startedAt: number; code: string }[];
}

export interface Expected {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data?: unknown;
  errorCode?: string;
  stale: boolean;
  updatedAt?: number;
}

export class ReferenceModel {
  step = 0;
  mode: 'live' | 'polling' = 'live';
  liveDown = false;
  /** Subscribed, but told to poll until the adapter streams the org (`polling`, then `open`). */
  polled = false;
  /** The subscription has been `open`: only then can a `polling` have missed events. */
  opened = false;
  gapAt = -Infinity;
  private histories = new Map<ModelKey, History>();
  private fetchStart = new Map<number, number>();

  constructor(public org: string) {
    this.reset(org);
  }

  reset(org: string): void {
    this.org = org;
    this.mode = 'live';
    this.liveDown = false;
    this.polled = false;
    this.opened = false;
    this.gapAt = -Infinity;
    this.histories = new Map(MODEL_KEYS.map((key) => [key, { goods: [], arrivals: [], failures: [] }]));
  }

  /** A new command begins. */
  next(): number {
    this.step += 1;
    return this.step;
  }

  /** A request seen after the current command: its fetch began just after the command's effect. */
  began(serial: number): void {
    if (!this.fetchStart.has(serial)) this.fetchStart.set(serial, this.step + 0.5);
  }

  responded(key: ModelKey, serial: number, data: unknown, now: number): void {
    this.history(key).goods.push({ asOf: this.startOf(serial), at: now, data });
  }

  failed(key: ModelKey, serial: number, code: string): void {
    this.history(key).failures.push({ startedAt: this.startOf(serial), code });
  }

  live(key: ModelKey, data: Activity | Announcement | unknown, now: number): void {
    if (this.mode !== 'live') return;
    if ((LIST_KEYS as readonly string[]).includes(key))
      this.history(key).arrivals.push({ at: this.step, item: data as Activity });
    else this.history(key).goods.push({ asOf: this.step, at: now, data });
  }

  connection(state: 'reconnecting' | 'open' | 'polling' | 'closed'): void {
    if (this.mode !== 'live') return;
    if (state === 'reconnecting') {
      this.liveDown = true;
      this.gapAt = this.step;
    } else if (state === 'open') {
      this.opened = true;
      // Back after a drop, or streamed after polling: behind until fetched again either way.
      if (!this.liveDown && !this.polled) return;
      this.liveDown = false;
      this.polled = false;
      this.gapAt = this.step;
    } else if (state === 'polling') {
      // Still subscribed (live events still count), polled until an `open`.
      if (this.polled && !this.liveDown) return;
      this.polled = true;
      // Never open, nothing missed: the first fetch and the polls cover it.
      if (!this.opened && !this.liveDown) return;
      this.liveDown = false;
      this.gapAt = this.step;
    } else {
      this.polled = false;
      this.mode = 'polling';
      this.liveDown = false;
      this.gapAt = this.step;
    }
  }

  /** What the store must hold for `key`; `requestOut` is whether a request for it is outstanding. */
  expected(key: ModelKey, requestOut: boolean): Expected {
    const { goods, failures } = this.history(key);
    const latest = goods.reduce<Good | undefined>(
      (best, good) => (!best || good.asOf > best.asOf ? good : best),
      undefined,
    );
    const lastFailure = failures.at(-1);
    if (!latest) {
      const status = requestOut ? 'loading' : lastFailure ? 'error' : 'idle';
      return { status, errorCode: lastFailure?.code, stale: false };
    }
    const failedSince = failures.some((f) => f.startedAt > latest.asOf);
    return {
      status: 'ready',
      data: (LIST_KEYS as readonly string[]).includes(key) ? this.list(key, latest) : latest.data,
      errorCode: failedSince ? lastFailure?.code : undefined,
      stale: this.liveDown || this.gapAt > latest.asOf || failedSince,
      updatedAt: latest.at,
    };
  }

  /**
   * Data is behind only because of a live outage (no failure since it), the
   * connection is back or gave up, yet nothing is being fetched: a resync was
   * forgotten.
   */
  resyncMissing(key: ModelKey, requestOut: boolean): boolean {
    const { goods, failures } = this.history(key);
    if (!goods.length || this.liveDown || requestOut) return false;
    const goodAsOf = Math.max(...goods.map((g) => g.asOf));
    return this.gapAt > goodAsOf && !failures.some((f) => f.startedAt > this.gapAt);
  }

  private list(key: ModelKey, latest: Good): (Activity | Announcement)[] {
    type Item = Activity | Announcement;
    const copies = new Map<string, { asOf: number; item: Item }>();
    const offer = (asOf: number, item: Item) => {
      const held = copies.get(item.id);
      if (!held || asOf > held.asOf) copies.set(item.id, { asOf, item });
    };
    // Within one response the first copy of an id is the one kept.
    for (const item of [...(latest.data as Item[])].reverse())
      copies.set(item.id, { asOf: latest.asOf, item });
    for (const { at, item } of this.history(key).arrivals) if (at > latest.asOf) offer(at, item);
    const sorted = [...copies.values()].map((c) => c.item).sort(newestFirst);
    return key === 'activity' ? sorted.slice(0, WINDOW) : sorted;
  }

  private startOf(serial: number): number {
    const start = this.fetchStart.get(serial);
    if (start === undefined) throw new Error(`request ${serial} was never seen leaving`);
    return start;
  }

  private history(key: ModelKey): History {
    return this.histories.get(key)!;
  }
}
