/**
 * A numeric attribute given an empty, blank or non-numeric value reads as its default, as a
 * removed one does: Lit's `Number` converter makes `""` (and any whitespace) 0, which would show
 * one feed row and warn about any "Others" at all. Generated values: every mix of the whitespace
 * `Number` skips, and words that are no numbers.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/activity-feed.js';
import '../../src/define/workspace-stats-card.js';
import '../../src/define/org-dashboard.js';
import '../../src/define/org-dashboard-provider.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { dataset, until } from '../helpers/data.js';
import type { Activity, WorkspaceStats } from '../../src/contract/types.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import type { WorkspaceStatsCard } from '../../src/elements/workspace-stats-card/workspace-stats-card.js';
import { minuteApart } from '../helpers/activities.js';

const activities = (count: number): Activity[] =>
  minuteApart(count, (n) => ({ action: 'Update', actor: { name: 'Ada Lovelace' }, resourceName: `ws-${n}` }));
const rows = (feed: ActivityFeed) => feed.shadowRoot!.querySelectorAll('[part~="entry"]').length;
const warns = (card: WorkspaceStatsCard) => !!card.shadowRoot!.querySelector('[part~="warning"]');

/** "", and every mix of the white space `Number("…")` reads as 0. */
const blank = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2003', '\u3000', '\ufeff'), {
    maxLength: 4,
  })
  .map((chars) => chars.join(''));
/** Values with no number in them at all. */
const notANumber = fc.constantFrom('lots', 'five', 'NaN', '1e', '--1', '5 rows', '¼');

describe('numeric attributes that are empty or not numbers', () => {
  it('<activity-feed limit="">: the default 5 rows, as with no attribute', async () => {
    const feed = await fixture<ActivityFeed>(
      html`<activity-feed limit="2" .data=${activities(8)}></activity-feed>`,
    );
    expect(rows(feed)).to.equal(2);
    await fc.assert(
      fc.asyncProperty(fc.oneof(blank, notANumber), async (value) => {
        feed.setAttribute('limit', '2');
        await elementUpdated(feed);
        feed.setAttribute('limit', value);
        await elementUpdated(feed);
        expect(rows(feed), JSON.stringify(value)).to.equal(5);
      }),
      { numRuns: 40 },
    );
  });

  it('<activity-feed>.limit = "" (a wrapper passing the attribute’s text): the default too', async () => {
    const feed = await fixture<ActivityFeed>(
      html`<activity-feed limit="2" .data=${activities(8)}></activity-feed>`,
    );
    (feed as unknown as { limit: unknown }).limit = '';
    await elementUpdated(feed);
    expect(rows(feed)).to.equal(5);
    (feed as unknown as { limit: unknown }).limit = ' 3 ';
    await elementUpdated(feed);
    expect(rows(feed)).to.equal(3);
  });

  it('<workspace-stats-card others-warning-ratio="">: the default quarter, not 0', async () => {
    // One "Other" in ten: under the default 0.25, over a ratio of 0.
    const data: WorkspaceStats = { total: 10, active: 8, suspended: 1, others: 1 };
    const card = await fixture<WorkspaceStatsCard>(
      html`<workspace-stats-card others-warning-ratio="0.05" .data=${data}></workspace-stats-card>`,
    );
    expect(warns(card)).to.equal(true);
    await fc.assert(
      fc.asyncProperty(fc.oneof(blank, notANumber), async (value) => {
        card.setAttribute('others-warning-ratio', '0.05');
        await elementUpdated(card);
        card.setAttribute('others-warning-ratio', value);
        await elementUpdated(card);
        expect(warns(card), JSON.stringify(value)).to.equal(false);
      }),
      { numRuns: 40 },
    );
    card.setAttribute('others-warning-ratio', '0');
    await elementUpdated(card);
    expect(warns(card), 'a real 0 still warns about any Others').to.equal(true);
  });

  it('<org-dashboard activity-limit="" heading-level="">: 5 feed rows and level-2 headings, as with neither', async () => {
    const data = dataset('o1');
    data.o1.activities = activities(8);
    const adapter = createMemoryAdapter(data);
    const dashboard = await fixture<OrgDashboard>(
      html`<org-dashboard
        org-id="o1"
        .adapter=${adapter}
        activity-limit=""
        heading-level=""
      ></org-dashboard>`,
    );
    const feed = () => dashboard.shadowRoot!.querySelector<ActivityFeed>('activity-feed');
    await until(() => feed()?.state === 'ready', 'the feed');
    await elementUpdated(feed()!);
    expect(rows(feed()!)).to.equal(5);
    const title = feed()!.shadowRoot!.querySelector('[part~="title"]');
    expect(title?.getAttribute('aria-level')).to.equal('2');
  });

  it('<org-dashboard-provider poll-interval="">: asks for no interval, so another provider’s holds', async () => {
    const adapter = createMemoryAdapter(dataset('o1'), { live: false });
    const host = await fixture<HTMLElement>(
      html`<div>
        <org-dashboard-provider
          org-id="o1"
          .adapter=${adapter}
          poll-interval="120000"
        ></org-dashboard-provider>
        <org-dashboard-provider org-id="o1" .adapter=${adapter} poll-interval=""></org-dashboard-provider>
      </div>`,
    );
    const [first, second] = host.querySelectorAll<OrgDashboardProvider>('org-dashboard-provider');
    await until(() => first.dataStore !== undefined && second.dataStore !== undefined, 'the stores');
    expect(second.dataStore).to.equal(first.dataStore);
    expect(first.dataStore!.pollIntervalMs).to.equal(120_000);
  });
});
