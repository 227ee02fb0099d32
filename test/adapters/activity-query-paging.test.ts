/**
 * Paging a backend's activity list to its end while the list changes between pages, against a
 * reference model of what the paging promises (`queryActivities`' doc comment): every entry that is
 * in the list unchanged from the first page to the last is served exactly once, in list order; an
 * entry is served again only if it changed after it was served; and the pages end.
 *
 * The list is kept as the memory adapter and the mock API keep it (`applyEvent`: newest first, an
 * entry re-sent with its id replaces the old one at the place of its new time); between pages come
 * new entries on top, late ones placed by their time, updates that move an entry's time older or
 * newer (or keep it), deletions, and entries passing out of the retention.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  activityFilterError,
  matchesActivityFilter,
  queryActivities,
  type ActivityRetention,
} from '../../src/adapters/activity-query.js';
import { applyEvent, type OrgDataset } from '../../src/adapters/dataset.js';
import type { Activity, ActivityFilter } from '../../src/contract/types.js';

const START = Date.parse('2026-03-01T00:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Times on a grid of minutes over twenty: many entries share one, as a burst of events does. */
const MINUTES = 20;
const iso = (minute: number) => new Date(START + minute * MINUTE).toISOString();
const minuteOf = (activity: Activity) => (Date.parse(activity.occurredAt) - START) / MINUTE;

/** An entry of the list: by its index (modulo the list's length), or the last one served. */
type Pick = number | 'last';

type Change =
  /** A new entry on top: at the newest time or up to two minutes after it. */
  | { kind: 'new'; after: number; type: string }
  /** A late entry, placed by its time. */
  | { kind: 'late'; minute: number; type: string }
  /**
   * The entry `pick` (an index, modulo the list; `last` the last one served) re-sent by its id: at `minute`, or when that is
   * absent `by` minutes later (earlier if negative; 0 keeps its time, as a re-sent correction does).
   */
  | { kind: 'update'; pick: Pick; minute?: number; by: number }
  /** The entry `pick` deleted. */
  | { kind: 'delete'; pick: Pick }
  /** The backend's "now" moves on `minutes`: entries that old leave the retention (with a retention). */
  | { kind: 'expire'; minutes: number };

const type = fc.constantFrom('Workspaces', 'Members');
// Often one of the first few minutes, so that entries share them.
const minute = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: MINUTES }));
const pick: fc.Arbitrary<Pick> = fc.oneof(fc.nat(), fc.constant('last' as const));
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('new' as const), after: fc.integer({ min: 0, max: 2 }), type }),
  fc.record({ kind: fc.constant('late' as const), minute, type }),
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('update' as const),
        pick,
        minute,
        by: fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 })),
      },
      { requiredKeys: ['kind', 'pick', 'by'] },
    ),
  },
  fc.record({ kind: fc.constant('delete' as const), pick }),
  fc.record({ kind: fc.constant('expire' as const), minutes: fc.integer({ min: 1, max: 10 }) }),
);

/** The first entries, as `[minute, type]` (ids `e0`, `e1`, … in the order they were recorded). */
const entries = fc.array(fc.tuple(minute, type), { maxLength: 24 });

const entry = (id: string, at: number, resourceType: string): Activity => ({
  id,
  occurredAt: iso(at),
  resourceType,
  action: 'Update',
});

describe('queryActivities: paging a list that changes between pages', () => {
  it('goes on where the last entry of a page was when it is re-sent with an older time', () => {
    const org = { activities: [] } as unknown as OrgDataset;
    for (const [id, at] of [
      ['e0', 0],
      ['e1', 1],
      ['e2', 2],
      ['e3', 3],
    ] as const)
      applyEvent(org, { topic: 'activity', data: entry(id, at, 'Workspaces') });
    const first = queryActivities(org.activities, { limit: 2 });
    expect(first.items.map((a) => a.id)).to.deep.equal(['e3', 'e2']);
    // e2 re-sent older than every other entry: the list is now e3 e1 e0 e2.
    applyEvent(org, { topic: 'activity', data: entry('e2', -1, 'Workspaces') });
    const next = queryActivities(org.activities, { limit: 2, cursor: first.nextCursor });
    // On from where e2 was, not from its new place (which skipped e1 and e0); e2 comes again last.
    expect(next.items.map((a) => a.id)).to.deep.equal(['e1', 'e0']);
    const last = queryActivities(org.activities, { limit: 2, cursor: next.nextCursor });
    expect(last).to.deep.equal({ items: [org.activities[3]], nextCursor: null });
  });

  it('serves every entry unchanged throughout exactly once, in order, repeats only changed ones, and ends', () => {
    fc.assert(
      fc.property(
        entries,
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<ActivityFilter>({}, { resourceType: 'Workspaces' }),
        fc.boolean(),
        fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 8 }),
        (first, limit, narrowing, retained, gaps) => {
          // The backend's list, kept by the memory adapter's and the mock API's own rules.
          const org = { activities: [] } as unknown as OrgDataset;
          const place = (activity: Activity) => applyEvent(org, { topic: 'activity', data: activity });
          first.forEach(([at, resourceType], i) => place(entry(`e${i}`, at, resourceType)));
          const initial = [...org.activities];
          // A retention of one day as of one day after START: nothing has left it yet.
          let asOf = START + DAY;
          const retention = (): ActivityRetention | undefined =>
            retained ? { days: 1, asOf: new Date(asOf).toISOString() } : undefined;

          const changed = new Set<string>();
          /** Each id's last serving and last change, as steps of one sequence. */
          const lastServed = new Map<string, number>();
          const lastChanged = new Map<string, number>();
          let step = 0;
          const served: string[] = [];
          const problems: string[] = [];
          const trace: string[] = [];
          let made = 0;

          const chosen = (p: Pick) =>
            p === 'last'
              ? org.activities.find((a) => a.id === served.at(-1))
              : org.activities[p % org.activities.length];
          const apply = (c: Change) => {
            const list = org.activities;
            step += 1;
            switch (c.kind) {
              case 'new': {
                const top = list.length ? Math.max(...list.map(minuteOf)) : 0;
                place(entry(`n${made++}`, top + c.after, c.type));
                break;
              }
              case 'late':
                place(entry(`n${made++}`, c.minute, c.type));
                break;
              case 'update': {
                if (!list.length) return;
                const old = chosen(c.pick);
                if (!old) return;
                const to = c.minute ?? minuteOf(old) + c.by;
                place({ ...old, occurredAt: iso(to) });
                changed.add(old.id);
                lastChanged.set(old.id, step);
                trace.push(`update ${old.id} ${minuteOf(old)}→${to}`);
                return;
              }
              case 'delete': {
                if (!list.length) return;
                const gone = chosen(c.pick);
                if (!gone) return;
                org.activities = list.filter((a) => a.id !== gone.id);
                changed.add(gone.id);
                lastChanged.set(gone.id, step);
                trace.push(`delete ${gone.id}`);
                return;
              }
              case 'expire':
                asOf += c.minutes * MINUTE;
                trace.push(`expire to minute ${(asOf - DAY - START) / MINUTE}`);
                return;
            }
            trace.push(
              `${c.kind} n${made - 1} at ${minuteOf(org.activities.find((a) => a.id === `n${made - 1}`)!)}`,
            );
          };

          let cursor: string | null = null;
          let pages = 0;
          const most = gaps.length + first.length + 4 * gaps.length + 2;
          do {
            const page = queryActivities(org.activities, { ...narrowing, limit, cursor }, retention());
            pages += 1;
            trace.push(`page [${page.items.map((a) => a.id).join(' ')}] → ${page.nextCursor}`);
            for (const { id } of page.items) {
              step += 1;
              const before = lastServed.get(id);
              if (before !== undefined && !((lastChanged.get(id) ?? -1) > before))
                problems.push(`${id} served again, unchanged since`);
              lastServed.set(id, step);
              served.push(id);
            }
            cursor = page.nextCursor;
            if (cursor !== null) {
              expect(activityFilterError({ cursor }), `cursor ${cursor}`).to.equal(undefined);
              for (const c of gaps[pages - 1] ?? []) apply(c);
            }
          } while (cursor !== null && pages <= most);

          const since = retained ? asOf - DAY : -Infinity;
          const expected = initial
            .filter(
              (a) =>
                !changed.has(a.id) &&
                Date.parse(a.occurredAt) >= since &&
                matchesActivityFilter(a, narrowing),
            )
            .map((a) => a.id);
          const stable = new Set(expected);
          const got = served.filter((id) => stable.has(id));
          const story = trace.join('; ');
          expect(cursor, `pages never end: ${story}`).to.equal(null);
          expect(problems, story).to.deep.equal([]);
          expect(got, `entries unchanged throughout, as served: ${story}`).to.deep.equal(expected);
        },
      ),
      { numRuns: 1000, includeErrorInReport: true },
    );
  });
});
