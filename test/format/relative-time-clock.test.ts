/**
 * Relative times are as of the render, not of the last tick of the shared clock: a tick comes every
 * 30 s on a visible page, and on a hidden one, where browsers hold timers back, a minute or more
 * apart. An entry that arrives between two ticks is "now", never "in 1 minute", and a page shown
 * again reads the clock at once.
 */
import { elementUpdated, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/activity-feed.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import { BASE, live } from '../helpers/activities.js';

const times = (feed: ActivityFeed) =>
  [...feed.shadowRoot!.querySelectorAll('time')].map((t) => t.textContent!.replace(/\s+/g, ' ').trim());

describe('relative times and the clock', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: BASE, toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    fixtureCleanup();
    clock.restore();
  });

  it('an entry that arrives between two ticks of the clock is "now", and the others as of then', async () => {
    const feed = await fixture<ActivityFeed>(
      html`<activity-feed locale="en-US" .data=${[live('a', 0)]}></activity-feed>`,
    );
    expect(times(feed)).to.deep.equal(['now']);
    // Ninety seconds on, with no tick (a hidden page's timers are held back), an entry arrives.
    clock.setSystemTime(BASE + 90_000);
    feed.data = [live('b', 1.5), live('a', 0)];
    await elementUpdated(feed);
    expect(times(feed)).to.deep.equal(['now', '2 minutes ago']);
  });

  it('reads the clock at once when the page is shown again', async () => {
    const feed = await fixture<ActivityFeed>(
      html`<activity-feed locale="en-US" .data=${[live('a', 0)]}></activity-feed>`,
    );
    clock.setSystemTime(BASE + 10 * 60_000);
    document.dispatchEvent(new Event('visibilitychange'));
    await elementUpdated(feed);
    expect(times(feed)).to.deep.equal(['10 minutes ago']);
  });
});
