import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  matchesActivityFilter,
  queryActivities,
  type ActivityRetention,
} from '../../src/adapters/activity-query.js';
import type { Activity, ActivityFilter, ActivityPage } from '../../src/contract/types.js';

/**
 * The reference: the REST API's paging read literally (filter the whole list, then take the page
 * after the cursor's entry: its id, with the cursor's time if it has one, at or after the cursor's
 * count; else from the first entry after that time and id, or for a cursor without a time after
 * the count alone). `queryActivities` reads only as far as a page needs; it must answer the same.
 */
function referencePage(
  activities: readonly Activity[],
  filter: ActivityFilter = {},
  retention?: ActivityRetention,
): ActivityPage {
  // `limit`: 1 to 200, default 20 (DESIGN.md, "REST API"); a limit that is no number names no size.
  const asked = Math.floor(Number(filter.limit ?? DEFAULT_PAGE_SIZE));
  const limit = Number.isNaN(asked) ? DEFAULT_PAGE_SIZE : Math.min(Math.max(1, asked), MAX_PAGE_SIZE);
  const cursor = /^(\d+)(?::(?:(-?\d+):(?=[\s\S]))?([\s\S]+))?$/.exec(filter.cursor ?? '');
  const offset = cursor ? Number(cursor[1]) : 0;
  const at = cursor?.[2] === undefined ? undefined : Number(cursor[2]);
  const id = cursor?.[3];
  const since = retention
    ? (retention.asOf === undefined ? Date.now() : Date.parse(retention.asOf)) - retention.days * 86_400_000
    : -Infinity;
  const filtered = activities.filter(
    (activity) => !(Date.parse(activity.occurredAt) < since) && matchesActivityFilter(activity, filter),
  );
  const time = (a: Activity) => Date.parse(a.occurredAt);
  const anchor =
    id === undefined
      ? -1
      : filtered.findIndex((a, i) => i >= offset - 1 && a.id === id && (at === undefined || time(a) === at));
  const after = filtered.findIndex((a) => time(a) < at! || (time(a) === at && a.id > id!));
  const start = anchor >= 0 ? anchor + 1 : at === undefined ? offset : after >= 0 ? after : filtered.length;
  const items = filtered.slice(start, start + limit);
  const next = start + items.length;
  const last = items.at(-1);
  const page: ActivityPage = {
    items,
    nextCursor:
      next < filtered.length
        ? Number.isNaN(time(last!))
          ? `${next}:${last!.id}`
          : `${next}:${time(last!)}:${last!.id}`
        : null,
  };
  if (retention) page.retentionDays = retention.days;
  return page;
}

const START = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const instant = fc.integer({ min: 0, max: 40 * DAY }).map((ms) => new Date(START + ms).toISOString());
const day = fc.integer({ min: 0, max: 40 }).map((d) => new Date(START + d * DAY).toISOString().slice(0, 10));

const activity = fc.record(
  {
    // A few ids from a small set: cursors name them, and a list may repeat one.
    id: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, fc.constantFrom('a1', 'a2', 'a3')),
    resourceType: fc.constantFrom('Workspaces', 'Members', 'Plans', 'Credits'),
    action: fc.constantFrom('Create', 'Update', 'Delete', 'Fetch All'),
    // Mostly readable instants, some unreadable: those are served, never dropped.
    occurredAt: fc.oneof(
      { weight: 9, arbitrary: instant },
      { weight: 1, arbitrary: fc.constant('not a time') },
    ),
    actor: fc.record({ name: fc.constantFrom('Ada', 'Grace', 'Linus') }),
    resourceName: fc.constantFrom('prod', 'Staging', 'invoice 7'),
  },
  { requiredKeys: ['id', 'resourceType', 'action', 'occurredAt'] },
);

/** Which page: sizes in range, out of range and no number at all (a host's computed limit), and cursors. */
const paging = fc.record(
  {
    limit: fc.oneof(
      fc.integer({ min: -2, max: 30 }),
      fc.constantFrom(1000, Number.NaN, Infinity, -Infinity),
      fc.double({ min: 0, max: 12, noNaN: true }),
    ),
    cursor: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 60 }).map(String),
      fc
        .tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom('a1', 'a2', 'a3', 'gone'))
        .map(([count, id]) => `${count}:${id}`),
      // With the time the entry had: one of the list's own times now and then (a kept entry).
      fc
        .tuple(
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: -1, max: 40 }).map((d) => START + d * DAY),
          fc.constantFrom('a1', 'a2', 'a3', 'gone', '12:x'),
        )
        .map(([count, at, id]) => `${count}:${at}:${id}`),
      fc.constantFrom('', '-3', 'abc', '7x', '5:', '5:12:'),
    ),
  },
  { requiredKeys: [] },
);

/** What narrows the list; none in a third of the runs, so pages of long lists are met too. */
const narrowing = fc.oneof(
  fc.constant({}),
  fc.constant({}),
  fc.record(
    {
      resourceType: fc.constantFrom('Workspaces', 'Members', 'Invoices'),
      action: fc.constantFrom('Create', 'Delete'),
      query: fc.constantFrom('ada', ' STAG ', 'e', 'nobody'),
      from: fc.oneof(instant, day),
      to: fc.oneof(instant, day),
    },
    { requiredKeys: [] },
  ),
);

const filter: fc.Arbitrary<ActivityFilter> = fc
  .tuple(paging, narrowing)
  .map(([page, narrowed]) => ({ ...page, ...narrowed }));

const retention: fc.Arbitrary<ActivityRetention | undefined> = fc.option(
  fc.record({ days: fc.integer({ min: 0, max: 45 }), asOf: instant }),
  { nil: undefined },
);

describe('queryActivities: a page of the activity list', () => {
  it('answers what filtering the whole list and slicing it at the cursor answers', () => {
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 80, size: 'medium' }),
        filter,
        retention,
        (list, asked, kept) => {
          expect(queryActivities(list, asked, kept)).to.deep.equal(referencePage(list, asked, kept));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('walks a whole filtered list page by page: every match once, in order, then no cursor', () => {
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 120, size: 'medium' }),
        filter,
        fc.integer({ min: 1, max: 25 }),
        (list, asked, limit) => {
          const seen: Activity[] = [];
          let cursor: string | null = null;
          for (let pages = 0; pages <= list.length + 1; pages += 1) {
            const page = queryActivities(list, { ...asked, limit, cursor });
            seen.push(...page.items);
            cursor = page.nextCursor;
            if (cursor === null) break;
            expect(page.items).to.have.length(limit);
          }
          expect(cursor).to.equal(null);
          expect(seen).to.deep.equal(list.filter((a) => matchesActivityFilter(a, asked)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a long list only as far as the page asked for', () => {
    let reads = 0;
    const list = Array.from({ length: 100_000 }, (_, i) => ({
      id: `a${i}`,
      resourceType: 'Workspaces',
      action: 'Create',
      get occurredAt() {
        reads += 1;
        return new Date(START - i * 1000).toISOString();
      },
    }));
    const page = queryActivities(list, { limit: 20, cursor: `40:${START - 39_000}:a39` });
    expect(page.items.map((a) => a.id)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `a${40 + i}`));
    expect(page.nextCursor).to.equal(`60:${START - 59_000}:a59`);
    // Each entry read before the page's end and the one after it; a whole-list filter reads 100,000.
    expect(reads).to.be.below(200);
  });
});

describe('activity search matches text as people type it', () => {
  const entry: Activity = {
    id: 'a1',
    occurredAt: '2026-01-02T00:00:00Z',
    actor: { name: 'José Ínigo' },
    action: 'Create',
    resourceType: 'Invoices',
    resourceName: 'Café',
  };

  it('in any casing, whatever language the browser is in (a Turkish one lowers I to ı)', () => {
    const original = String.prototype.toLocaleLowerCase;
    // The browser's language is not settable in a test: Turkish casing stands in for it.
    String.prototype.toLocaleLowerCase = function (this: string, locales?: string | string[]) {
      return original.call(this, locales ?? 'tr');
    };
    try {
      expect(
        ['invoices', 'INVOICES', 'ínigo'].map((query) => matchesActivityFilter(entry, { query })),
      ).to.deep.equal([true, true, true]);
    } finally {
      String.prototype.toLocaleLowerCase = original;
    }
  });

  it('whether an accent is one character or a letter and a combining mark (NFC or NFD)', () => {
    const queries = ['café', 'josé', 'CAFÉ'].flatMap((text) => [
      text.normalize('NFC'),
      text.normalize('NFD'),
    ]);
    expect(queries.map((query) => matchesActivityFilter(entry, { query }))).to.deep.equal(
      queries.map(() => true),
    );
    const decomposed = { ...entry, resourceName: 'Café'.normalize('NFD') };
    expect(matchesActivityFilter(decomposed, { query: 'café'.normalize('NFC') })).to.equal(true);
  });
});
