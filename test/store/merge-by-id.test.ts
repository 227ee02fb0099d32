import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { mergeById } from '../../src/store/lists.js';
import { newestActivityFirst } from '../../src/store/resources.js';

interface Entry {
  id: string;
  occurredAt: string;
}
const order = newestActivityFirst as unknown as (a: Entry, b: Entry) => number;

/** The definition: union by id (the incoming copy wins), sorted, the first `cap` kept. */
function reference(current: Entry[], incoming: Entry[], cap: number): Entry[] {
  const byId = new Map<string, Entry>();
  for (const item of [...current, ...incoming]) byId.set(item.id, item);
  return [...byId.values()].sort(order).slice(0, cap);
}

const entry = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  occurredAt: fc
    .integer({ min: 0, max: 5 })
    .map((minute) => new Date(Date.UTC(2026, 10, 20, 12, minute)).toISOString()),
});

describe('mergeById', () => {
  it('puts one live entry in its place as a full merge would (same order, same copy, same cap)', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 8 }),
        entry,
        fc.integer({ min: 1, max: 9 }),
        (items, item, cap) => {
          // The store's lists are in order, one per id: as a merge makes them.
          const current = reference(items, [], Infinity);
          const merged = mergeById(current, [item], order, cap);
          expect(merged).to.deep.equal(reference(current, [item], cap));
          // The incoming copy itself, not an equal one from the list.
          if (merged.some((m) => m.id === item.id))
            expect(merged.find((m) => m.id === item.id)).to.equal(item);
        },
      ),
      { numRuns: 500 },
    );
  });
});
