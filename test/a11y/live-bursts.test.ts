/**
 * The live region under bursts (issue #17): whatever a busy org sends, and however fast, each card's
 * polite status region says at most one sentence at a time, at most once every
 * ANNOUNCE_INTERVAL_MS, and once the burst is over what it said last is the latest state. The
 * bursts are generated (fast-check: how many changes, which values, how far apart on a fake clock);
 * the oracle is the last value sent, formatted here by `Intl` on its own.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { ANNOUNCE_INTERVAL_MS } from '../../src/base/dashboard-card.js';
import type { DashboardEvent } from '../../src/contract/types.js';
import { cardInProvider, liveRegion } from '../helpers/a11y.js';
import { dataset } from '../helpers/data.js';

const base = dataset('o1').o1;
const dollars = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

/**
 * When the change numbered `index` happened: each later than the one before (a burst on a fake clock
 * that does not move would give them one time, and which of equal times is "latest" is no one's to
 * say), all within the last minute.
 */
const sentAt = (index: number) => new Date(Date.now() - 60_000 + index * 10).toISOString();

interface BurstCase {
  tag: string;
  /** The change numbered `n` (a generated value) as the org sends it. */
  event: (n: number, index: number) => DashboardEvent;
  /** What the region says last, given the last change of the burst. */
  last: (n: number, index: number) => string | RegExp;
}

// Values the generated changes take are never the loaded data's (odd cents, totals of 1000, new
// names), so the last change is always news.
const CASES: BurstCase[] = [
  {
    tag: 'workspace-stats-card',
    event: (n) => ({
      topic: 'workspaces',
      data: { total: 1000, active: n, suspended: 0, others: 1000 - n },
    }),
    last: (n) => `Workspaces updated: ${n} active, 1,000 in total`,
  },
  {
    tag: 'billing-card',
    event: (n) => ({ topic: 'billing', data: { ...base.billing, currentMonthTotal: usd(n * 100 + 1) } }),
    last: (n) => `Billing updated: ${dollars(n * 100 + 1)} this month`,
  },
  {
    tag: 'plan-card',
    event: (n) => ({ topic: 'plan', data: { ...base.plan, availableCredits: usd(n * 100 + 1) } }),
    last: (n) => `Credits updated: ${dollars(n * 100 + 1)} available`,
  },
  {
    tag: 'org-info-card',
    event: (n) => ({ topic: 'organization', data: { ...base.organization, name: `Org v${n}` } }),
    last: (n) => `Organization updated: Org v${n}`,
  },
  {
    tag: 'activity-feed',
    event: (n, index) => ({
      topic: 'activity',
      data: {
        id: `burst-${index}`,
        resourceType: `Kind${n}`,
        action: 'Create',
        occurredAt: sentAt(index),
      },
    }),
    last: (n) => new RegExp(`^(New activity|\\d+ new activities, latest): Kind${n} · Create$`),
  },
  {
    tag: 'announcements-panel',
    event: (n, index) => ({
      topic: 'announcements',
      data: {
        id: `burst-${index}`,
        kind: 'feature',
        title: `Notice ${n}`,
        body: '',
        publishedAt: sentAt(index),
      },
    }),
    last: (n) => new RegExp(`^(New announcement|\\d+ new announcements, latest): Notice ${n}$`),
  },
];

/** A sentence end followed by more text: two sentences. */
const SECOND_SENTENCE = /[.!?。！？]\s+\S/u;

const burst = fc.array(
  fc.record({
    value: fc.integer({ min: 1, max: 999 }),
    gapMs: fc.integer({ min: 0, max: 2 * ANNOUNCE_INTERVAL_MS }),
  }),
  { minLength: 1, maxLength: 30 },
);

describe('the live region under bursts', () => {
  for (const test of CASES) {
    it(`<${test.tag}>: one sentence at most every ${ANNOUNCE_INTERVAL_MS / 1000} s, and the latest state last`, async () => {
      await fc.assert(
        fc.asyncProperty(burst, async (changes) => {
          const adapter = createMemoryAdapter(dataset('o1'));
          const { provider, card } = await cardInProvider(test.tag, adapter);
          const said: { text: string; at: number }[] = [];
          const observer = new MutationObserver(() => {
            const text = liveRegion(card).textContent!.trim();
            if (text) said.push({ text, at: Date.now() });
          });
          observer.observe(liveRegion(card), { subtree: true, childList: true, characterData: true });
          const clock = sinon.useFakeTimers({
            now: Date.now(),
            toFake: ['setTimeout', 'clearTimeout', 'Date'],
          });
          try {
            for (const [index, { value, gapMs }] of changes.entries()) {
              adapter.emit('o1', test.event(value, index));
              await card.updateComplete;
              await clock.tickAsync(gapMs);
              await card.updateComplete;
            }
            // The burst is over: the pause ends and the last summary is said.
            await clock.tickAsync(ANNOUNCE_INTERVAL_MS);
            await card.updateComplete;
            await clock.tickAsync(0);
          } finally {
            clock.restore();
            observer.disconnect();
            provider.remove();
          }
          expect(said.length, 'something said').to.be.greaterThan(0);
          for (const { text } of said)
            expect(SECOND_SENTENCE.test(text), `one sentence: ${text}`).to.equal(false);
          for (let i = 1; i < said.length; i += 1) {
            const gap = said[i].at - said[i - 1].at;
            expect(gap, `"${said[i].text}" ${gap} ms after "${said[i - 1].text}"`).to.be.at.least(
              ANNOUNCE_INTERVAL_MS,
            );
          }
          const lastIndex = changes.length - 1;
          const expected = test.last(changes[lastIndex].value, lastIndex);
          if (typeof expected === 'string') expect(said.at(-1)!.text).to.equal(expected);
          else expect(said.at(-1)!.text).to.match(expected);
        }),
        { numRuns: 12 },
      );
    });
  }
});
