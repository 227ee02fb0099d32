/**
 * DESIGN.md, "Lists": one invalid item never hides the valid ones; the left-out items are found
 * through `invalidItemsOf`, each an `invalid-data` error whose path names the item. The contract
 * sets no length limits of its own (defect 12). Items are one per id (defect 13).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DashboardError } from '../../src/contract/errors.js';
import type { Announcement } from '../../src/contract/types.js';
import {
  invalidItemKey,
  invalidItemsOf,
  parseActivities,
  parseActivityPage,
  parseAnnouncements,
  parseBillingSummary,
  parseDashboardEvent,
  parseOrganization,
  parseWorkspaceStats,
  withInvalidItemsOf,
} from '../../src/contract/validation.js';
import { orgDataset } from '../helpers/data.js';
import { thrownBy } from '../helpers/errors.js';

const announcement = (id: string, extra: Partial<Record<keyof Announcement, unknown>> = {}) => ({
  id,
  kind: 'feature',
  title: `Title ${id}`,
  body: 'Body',
  publishedAt: '2026-11-01T00:00:00Z',
  ...extra,
});

describe('lists keep their valid items', () => {
  const org = orgDataset('o1');

  it('announcements: the invalid item is left out and named, the others stay', () => {
    const list = parseAnnouncements([
      announcement('n1'),
      announcement('n2', { kind: 'party' }),
      announcement('n3'),
    ]);
    expect(list.map((a) => a.id)).to.deep.equal(['n1', 'n3']);
    const [error, ...rest] = invalidItemsOf(list);
    expect(rest).to.deep.equal([]);
    expect(error).to.be.instanceOf(DashboardError);
    expect(error.code).to.equal('invalid-data');
    expect(error.path).to.equal('[1].kind');
    expect(error.message).to.contain('[1].kind');
  });

  it('an activity page names the item under items', () => {
    const page = parseActivityPage({
      items: [org.activities[0], { ...org.activities[1], occurredAt: '2026-02-30T00:00:00Z' }],
      nextCursor: null,
    });
    expect(page.items.map((a) => a.id)).to.deep.equal(['a2']);
    expect(invalidItemsOf(page).map((e) => e.path)).to.deep.equal(['items[1].occurredAt']);
  });

  it('billing history keeps its valid months', () => {
    const billing = parseBillingSummary({
      ...org.billing,
      history: [
        { month: '2026-09', total: { amountMinor: 1, currency: 'USD' } },
        { month: '2026-13', total: { amountMinor: 2, currency: 'USD' } },
        { month: '2026-10', total: { amountMinor: 3.5, currency: 'USD' } },
        { month: '2026-11', total: { amountMinor: 4, currency: 'USD' } },
      ],
    });
    expect(billing.history?.map((h) => h.month)).to.deep.equal(['2026-09', '2026-11']);
    expect(invalidItemsOf(billing).map((e) => e.path)).to.deep.equal([
      'history[1].month',
      'history[2].total.amountMinor',
    ]);
  });

  it('a snapshot in a live event keeps its valid items too, named from the snapshot', () => {
    const event = parseDashboardEvent({
      topic: 'billing',
      data: { ...org.billing, history: [{ month: 'soon', total: { amountMinor: 1, currency: 'USD' } }] },
    });
    expect(event.topic).to.equal('billing');
    expect(invalidItemsOf(event.data).map((e) => e.path)).to.deep.equal(['history[0].month']);
  });

  it('only a value that is not a list at all is refused whole, and then nothing is left out', () => {
    expect(thrownBy(() => parseAnnouncements({ items: [] })).path).to.equal('');
    expect(thrownBy(() => parseActivityPage({ items: 'none', nextCursor: null })).path).to.equal('items');
    const error = thrownBy(() => parseActivityPage({ items: [{ id: '' }], nextCursor: 5 }));
    expect(error.path).to.equal('nextCursor');
  });

  it('items with the same id are one item: the first valid copy', () => {
    const list = parseAnnouncements([
      announcement('n1', { title: '' }),
      announcement('n1', { title: 'first valid' }),
      announcement('n2'),
      announcement('n1', { title: 'later copy' }),
    ]);
    expect(list.map((a) => [a.id, a.title])).to.deep.equal([
      ['n1', 'first valid'],
      ['n2', 'Title n2'],
    ]);
    expect(invalidItemsOf(list).map((e) => e.path)).to.deep.equal(['[0].title']);
    const activities = parseActivities([org.activities[0], org.activities[0], org.activities[1]]);
    expect(activities.map((a) => a.id)).to.deep.equal(['a2', 'a1']);
    const page = parseActivityPage({ items: [org.activities[1], org.activities[1]], nextCursor: null });
    expect(page.items).to.have.length(1);
  });

  it('a copy carries the left-out items of what it was copied from', () => {
    const list = parseAnnouncements([announcement('n1'), 7]);
    const sorted = withInvalidItemsOf(list, [...list]);
    expect(invalidItemsOf(sorted)).to.equal(invalidItemsOf(list));
    expect(invalidItemsOf([])).to.deep.equal([]);
  });

  it('a left-out item keeps its identity when the list moves it (by id, else by path)', () => {
    const broken = announcement('n9', { kind: 'party' });
    const [before] = invalidItemsOf(parseAnnouncements([broken]));
    const [after] = invalidItemsOf(parseAnnouncements([announcement('n0'), broken]));
    expect(after.path).to.equal('[1].kind');
    expect(invalidItemKey(after)).to.equal(invalidItemKey(before));
    const [other] = invalidItemsOf(parseAnnouncements([announcement('n8', { kind: 'party' })]));
    expect(invalidItemKey(other)).not.to.equal(invalidItemKey(before));
    const [noId] = invalidItemsOf(parseAnnouncements([null]));
    expect(invalidItemKey(noId)).to.contain('[0]');
  });

  it('keeps exactly the valid items, in order, and names every other one (property)', () => {
    const item = fc.record({
      valid: fc.boolean(),
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      field: fc.constantFrom('kind', 'title', 'publishedAt', 'id', 'url'),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (spec) => {
        const raw = spec.map(({ valid, id, field }) =>
          valid ? announcement(id) : announcement(id, { [field]: field === 'url' ? 42 : '' }),
        );
        const list = parseAnnouncements(raw);
        const expectedIds = [...new Set(spec.filter((s) => s.valid).map((s) => s.id))];
        expect(list.map((a) => a.id)).to.deep.equal(expectedIds);
        const expectedPaths = spec.flatMap((s, index) => (s.valid ? [] : [`[${index}].${s.field}`]));
        expect(invalidItemsOf(list).map((e) => e.path)).to.deep.equal(expectedPaths);
        for (const error of invalidItemsOf(list)) expect(error.code).to.equal('invalid-data');
      }),
      { numRuns: 500 },
    );
  });
});

describe('no length limits of our own (defect 12)', () => {
  const org = orgDataset('o1');
  const long = (length: number) => 'x'.repeat(length);

  it('accepts 121 months of history, long bodies, ids, urls and cursors', () => {
    const history = Array.from({ length: 121 }, (_, i) => ({
      month: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      total: { amountMinor: i, currency: 'USD' },
    }));
    expect(parseBillingSummary({ ...org.billing, history }).history).to.have.length(121);
    const list = parseAnnouncements([
      announcement(long(600), {
        body: long(10_001),
        title: long(20_000),
        url: `https://example.com/${long(3000)}`,
      }),
    ]);
    expect(list).to.have.length(1);
    expect(invalidItemsOf(list)).to.deep.equal([]);
    const page = parseActivityPage({ items: org.activities, nextCursor: long(5000) });
    expect(page.nextCursor).to.have.length(5000);
    expect(parseOrganization({ ...org.organization, id: long(513), name: long(10_001) }).id).to.have.length(
      513,
    );
    expect(
      parseWorkspaceStats({ ...org.workspaces, othersByState: { [long(101)]: 2 } }).othersByState,
    ).to.have.property(long(101));
  });
});
