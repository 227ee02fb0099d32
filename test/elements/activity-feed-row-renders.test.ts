/**
 * `<activity-feed>` makes a row again only when what the row shows changes: its entry, its time as
 * the clock tells it, the texts, locale or zone, its tooltip. Every render reads the clock anew (an
 * entry that arrives between two ticks is "now"), so a row held on that time itself would be made
 * again at every update: a new entry, a live update of another card's data, a `requestUpdate()`.
 * What a row shows is checked too, so the rows left alone are still right.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-feed.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import { adapterWith, BASE, clean, live, minuteApart } from '../helpers/activities.js';
import { realTask } from '../helpers/clock.js';
import { until } from '../helpers/data.js';

type RenderEntry = (...args: unknown[]) => unknown;
const feedClass = () =>
  customElements.get('activity-feed')!.prototype as unknown as { renderEntry: RenderEntry };

const rowTexts = (feed: ActivityFeed) =>
  [...feed.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]')].map(
    (li) => `${li.dataset.id}: ${clean(li.textContent)}`,
  );

describe('<activity-feed> rows made again', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    clock?.restore();
  });

  it('only when what they show changes: none on an update of nothing, one for a new entry, those whose time reads otherwise as the clock moves', async () => {
    // Ten minutes after the newest of 20 entries a minute apart: "10 minutes ago" and older.
    clock = sinon.useFakeTimers({ now: BASE + 10 * 60_000, toFake: ['Date'] });
    const adapter = adapterWith(minuteApart(20));
    const provider = await fixture(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
        <activity-feed limit="5"></activity-feed>
      </org-dashboard-provider>
    `);
    const feed = provider.querySelector<ActivityFeed>('activity-feed')!;
    await until(() => feed.state === 'ready', 'ready');
    await feed.updateComplete;

    let made = 0;
    const proto = feedClass();
    const original = proto.renderEntry;
    proto.renderEntry = function (this: unknown, ...args: unknown[]) {
      made += 1;
      return original.apply(this, args);
    };
    restore = () => (proto.renderEntry = original);
    /** How many rows `change` has the feed make again, once it rendered (and `shown` holds). */
    const rendered = async (change: () => void, shown = () => true) => {
      made = 0;
      change();
      for (let i = 0; i < 3; i += 1) await realTask();
      await until(shown, 'the change shown');
      await feed.updateComplete;
      return made;
    };

    const before = rowTexts(feed);
    // A second later: the same minute, the same texts.
    const nothing = await rendered(() => {
      clock!.tick(1000);
      feed.requestUpdate();
    });
    expect(rowTexts(feed)).to.deep.equal(before);

    const arrived = await rendered(
      () => {
        // A second later again, as live entries come.
        clock!.tick(1000);
        adapter.emit('o1', { topic: 'activity', data: live('new', 10) });
      },
      () => rowTexts(feed)[0]?.startsWith('new:') ?? false,
    );
    const afterArrival = rowTexts(feed);

    // Five more minutes: every row's time reads otherwise ("15 minutes ago").
    const later = await rendered(() => {
      clock!.tick(5 * 60_000);
      feed.requestUpdate();
    });
    const afterMinutes = rowTexts(feed);

    expect({ nothing, arrived, later }).to.deep.equal({ nothing: 0, arrived: 1, later: 5 });
    expect(afterArrival[0]).to.match(/^new: .*now/);
    expect(afterArrival.slice(1)).to.deep.equal(before.slice(0, 4));
    expect(afterMinutes[0]).to.match(/^new: .*5 minutes ago/);
    expect(afterMinutes[1]).to.match(/15 minutes ago/);
  });
});
