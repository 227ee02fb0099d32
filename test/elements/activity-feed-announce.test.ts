/**
 * What `<activity-feed>`'s status region says about live entries: only what the viewer can see
 * arrive. The store keeps the latest 50 entries; the feed shows its `limit` of them. A late entry that
 * lands below the shown rows changes nothing on screen, so a screen reader must not hear "New
 * activity" for it; one that lands among them is news, said with its own summary.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-feed.js';
import { ANNOUNCE_INTERVAL_MS } from '../../src/base/controllers/live-announcer.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import { adapterWith, BASE, clean, minuteApart } from '../helpers/activities.js';
import { realTask } from '../helpers/clock.js';
import { until } from '../helpers/data.js';

const ids = (feed: ActivityFeed) =>
  [...feed.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]')].map((li) => li.dataset.id);
const status = (feed: ActivityFeed) => clean(feed.shadowRoot!.querySelector('[role="status"]')?.textContent);

/** A Plans/Delete entry `minutes` after BASE (negative: before), as a live event brings it. */
const late = (id: string, minutes: number): Activity => ({
  id,
  resourceType: 'Plans',
  action: 'Delete',
  occurredAt: new Date(BASE + minutes * 60_000).toISOString(),
});

async function feedOf(limit: number) {
  // 20 Workspaces/Create entries a minute apart, the newest at BASE.
  const adapter = adapterWith(minuteApart(20));
  const provider = await fixture(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
      <activity-feed limit=${limit}></activity-feed>
    </org-dashboard-provider>
  `);
  const feed = provider.querySelector<ActivityFeed>('activity-feed')!;
  await until(() => feed.state === 'ready', 'ready');
  await feed.updateComplete;
  return { adapter, feed };
}

/** Lets the store and the feed take what arrived, then the announcer's pause run out (fake clock). */
async function afterThePause(feed: ActivityFeed, clock: sinon.SinonFakeTimers): Promise<void> {
  // The store's listeners, then the feed's render of the new list (once per frame), which starts the pause.
  for (let i = 0; i < 3; i += 1) await realTask();
  await feed.updateComplete;
  clock.tick(ANNOUNCE_INTERVAL_MS + 1);
  await realTask();
  await feed.updateComplete;
}

describe('<activity-feed> says only the live entries it shows', () => {
  it('is silent about a late entry below the rows shown, and says one among them', async () => {
    const { adapter, feed } = await feedOf(5);
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const before = ids(feed);
      adapter.emit('o1', { topic: 'activity', data: late('below', -15.5) });
      await afterThePause(feed, clock);
      expect(ids(feed)).to.deep.equal(before);
      expect(status(feed)).to.equal('');

      adapter.emit('o1', { topic: 'activity', data: late('among', -1.5) });
      await afterThePause(feed, clock);
      expect(ids(feed)).to.include('among');
      expect(status(feed)).to.equal('New activity: Plans · Delete');
    } finally {
      clock.restore();
    }
  });

  it('for any limit and any place an entry lands: news exactly when it shows', async () => {
    const cases = fc.sample(
      fc.record({ limit: fc.integer({ min: 1, max: 12 }), minutes: fc.integer({ min: -25, max: 2 }) }),
      { numRuns: 8, seed: 7 },
    );
    for (const { limit, minutes } of cases) {
      const { adapter, feed } = await feedOf(limit);
      const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      try {
        adapter.emit('o1', { topic: 'activity', data: late('x', minutes + 0.5) });
        await afterThePause(feed, clock);
        const shown = ids(feed).includes('x');
        expect(status(feed), `limit ${limit}, ${minutes} min`).to.equal(
          shown ? 'New activity: Plans · Delete' : '',
        );
      } finally {
        clock.restore();
      }
    }
  });
});
