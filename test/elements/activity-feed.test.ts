import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import '../../src/define/activity-feed.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardActionEvent } from '../../src/base/actions.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { TICK_MS } from '../../src/format/relative-time.js';
import { adapterWith, BASE, live, minuteApart } from '../helpers/activities.js';
import { reach as ready } from '../helpers/card-fixtures.js';

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string) => clean(el.shadowRoot?.querySelector(selector)?.textContent);
const entries = (feed: ActivityFeed) => [
  ...feed.shadowRoot!.querySelectorAll<HTMLLIElement>('[part~="entry"]'),
];
const ids = (feed: ActivityFeed) => entries(feed).map((li) => li.dataset.id);
/** What an entry says without its (hidden) exact time. */
const summaryOf = (li: Element) => clean(li.querySelector('.summary')?.textContent);

/** `count` activities a minute apart, the newest (`a<count>`) at `BASE`: workspace updates by Ada. */
const activities = (count: number): Activity[] =>
  minuteApart(count, (n) => ({ action: 'Update', actor: { name: 'Ada Lovelace' }, resourceName: `ws-${n}` }));

/** What `activities()` entries have besides their time: a live entry of the same row template. */
const shapedAsTheOthers = (id: string): Partial<Activity> => ({
  resourceType: 'Workspaces',
  action: 'Update',
  actor: { name: 'Ada Lovelace' },
  resourceName: `ws-${id}`,
});

async function feedIn(
  adapter: MemoryAdapter,
  attrs: { limit?: string; dir?: string } = {},
): Promise<ActivityFeed> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider
      org-id="o1"
      .adapter=${adapter}
      locale="en-US"
      time-zone="UTC"
      dir=${attrs.dir ?? 'ltr'}
    >
      <activity-feed limit=${attrs.limit ?? '5'}></activity-feed>
    </org-dashboard-provider>
  `);
  return provider.querySelector('activity-feed')!;
}

/** Real pointer hover over the time, then over the tooltip itself (WCAG 1.4.13: hoverable). */
async function hoverChecks(feed: ActivityFeed, time: HTMLElement, tip: HTMLElement): Promise<void> {
  const box = time.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + 5), Math.round(box.y + box.height / 2)] });
  expect(getComputedStyle(tip).opacity).to.equal('1');
  // Above the time, inside its own entry, so a scrolling list never clips it.
  const tipBox = tip.getBoundingClientRect();
  expect(tipBox.bottom).to.be.at.most(box.top + 1);
  expect(tipBox.top).to.be.at.least(entries(feed)[0].getBoundingClientRect().top - 1);
  await sendMouse({
    type: 'move',
    position: [Math.round(tipBox.x + 5), Math.round(tipBox.y + tipBox.height / 2)],
  });
  expect(getComputedStyle(tip).opacity).to.equal('1');
}

describe('<activity-feed>', () => {
  afterEach(() => sinon.restore());

  describe('inside a provider', () => {
    it('lists the latest entries newest first: resource type, action, name, actor and a relative time', async () => {
      sinon.useFakeTimers({ now: BASE + 5 * 60_000, toFake: ['Date'] });
      const list: Activity[] = [
        { id: 'x1', resourceType: 'Invoices', action: 'Fetch All', occurredAt: '2026-11-19T10:00:00Z' },
        {
          id: 'x2',
          resourceType: 'Workspaces',
          action: 'Create',
          occurredAt: '2026-11-20T10:00:00Z',
          actor: { name: 'Ada Lovelace' },
          resourceName: 'staging-eu',
        },
      ];
      const feed = await feedIn(adapterWith(list));
      await ready(feed);
      expect(text(feed, '[part~="title"]')).to.equal('Recent activity');
      const list_ = feed.shadowRoot!.querySelector('ol[part~="list"]')!;
      expect(list_.children.length).to.equal(2);
      const [first, second] = entries(feed);
      expect(summaryOf(first)).to.equal('Workspaces · Create — staging-eu');
      expect(clean(first.querySelector('[part~="actor"]')!.textContent)).to.equal('Ada Lovelace');
      expect(clean(first.querySelector('.meta')!.textContent)).to.contain('by Ada Lovelace');
      const time = first.querySelector('time')!;
      expect(clean(time.textContent)).to.equal('5 minutes ago');
      expect(time.getAttribute('datetime')).to.equal('2026-11-20T10:00:00.000Z');
      expect(summaryOf(second)).to.equal('Invoices · Fetch All');
      expect(second.querySelector('[part~="actor"]')).to.equal(null);
      expect(clean(second.querySelector('time')!.textContent)).to.equal('yesterday');
      expect(text(feed, '[part~="show-more"]')).to.equal('Show more');
      await expect(feed).to.be.accessible();
    });

    it('shows names from data as text, whatever they contain', async () => {
      const feed = await fixture<ActivityFeed>(html`
        <activity-feed
          .data=${[live('h', 0, { resourceType: '<img src=x onerror=alert(1)>', action: 'Rotate Keys', resourceName: '' })]}
        ></activity-feed>
      `);
      expect(summaryOf(entries(feed)[0])).to.equal('<img src=x onerror=alert(1)> · Rotate Keys');
      expect(feed.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('names a timeout in words', async () => {
      const adapter = adapterWith(activities(3));
      adapter.failNext('listActivities', 'timeout');
      const feed = await feedIn(adapter);
      await ready(feed, 'error');
      expect(text(feed, '[role="alert"]')).to.contain('took too long');
    });

    it('renders right-to-left and very long names without overflowing', async () => {
      const long = 'مساحة العمل الرئيسية للإنتاج'.repeat(6);
      const adapter = adapterWith([
        live('r1', 0, { resourceName: long, actor: { name: 'فاطمة الزهراء'.repeat(4) } }),
      ]);
      const feed = await feedIn(adapter, { dir: 'rtl' });
      await ready(feed);
      expect(feed.getBoundingClientRect().width).to.be.lessThan(window.innerWidth + 1);
      const list = feed.shadowRoot!.querySelector('ol')!;
      expect(list.scrollWidth).to.be.at.most(list.clientWidth);
      await expect(feed).to.be.accessible();
    });
  });

  describe('limit', () => {
    it('shows 5 by default', async () => {
      const feed = await feedIn(adapterWith(activities(8)));
      await ready(feed);
      expect(ids(feed)).to.deep.equal(['a8', 'a7', 'a6', 'a5', 'a4']);
    });

    it('follows the attribute and clamps it to 1..50 (the store keeps 50)', async () => {
      const feed = await feedIn(adapterWith(activities(60)), { limit: '2' });
      await ready(feed);
      expect(ids(feed)).to.deep.equal(['a60', 'a59']);
      for (const [limit, count] of [
        [0, 1],
        [-3, 1],
        [12, 12],
        [100, 50],
        [Number.NaN, 5],
        [2.6, 3],
      ]) {
        feed.limit = limit;
        await elementUpdated(feed);
        expect(entries(feed).length, `limit ${limit}`).to.equal(count);
      }
      feed.setAttribute('limit', 'lots');
      await elementUpdated(feed);
      expect(entries(feed).length).to.equal(5);
      feed.setAttribute('limit', '2');
      await elementUpdated(feed);
      // Removed, it is not set: the default, not 0 (which Number makes of the null Lit gives).
      feed.removeAttribute('limit');
      await elementUpdated(feed);
      expect(entries(feed).length, 'limit removed').to.equal(5);
    });

    it('renders a long first list in steps, each task a few rows more, and is whole when updateComplete resolves', async () => {
      const feed = await feedIn(adapterWith(activities(60)), { limit: '50' });
      const rowsPerRender: number[] = [];
      feed.addController({ hostUpdated: () => rowsPerRender.push(entries(feed).length) });
      await ready(feed);
      expect(ids(feed)).to.deep.equal(Array.from({ length: 50 }, (_, i) => `a${60 - i}`));
      // The first render with data shows 10 rows; each later one at most twice the one before.
      const withRows = rowsPerRender.filter((n) => n > 0);
      expect(withRows[0]).to.equal(10);
      expect(withRows.at(-1)).to.equal(50);
      withRows.slice(1).forEach((n, i) => expect(n).to.be.at.most(2 * withRows[i]));
      // Later lists render whole: the next page of entries comes in one update.
      feed.limit = 12;
      await elementUpdated(feed);
      feed.limit = 50;
      await elementUpdated(feed);
      expect(entries(feed)).to.have.length(50);
    });
  });

  describe('live', () => {
    it('inserts new entries at the top without rebuilding the others, and drops the oldest past the limit', async () => {
      const adapter = adapterWith(activities(5));
      const feed = await feedIn(adapter);
      await ready(feed);
      const before = entries(feed);
      adapter.emit('o1', { topic: 'activity', data: live('new', 1) });
      await elementUpdated(feed);
      expect(ids(feed)).to.deep.equal(['new', 'a5', 'a4', 'a3', 'a2']);
      // Keyed: the same nodes, so nothing flashes.
      expect(entries(feed).slice(1)).to.deep.equal(before.slice(0, 4));
      expect(summaryOf(entries(feed)[0])).to.equal('Invoices · Create');
    });

    it('shows an entry once however often it arrives (deduplicated by id)', async () => {
      const adapter = adapterWith(activities(3));
      const feed = await feedIn(adapter);
      await ready(feed);
      adapter.emit('o1', { topic: 'activity', data: live('dup', 1) });
      adapter.emit('o1', { topic: 'activity', data: live('dup', 1) });
      adapter.emit('o1', { topic: 'activity', data: { ...activities(3)[0] } });
      await elementUpdated(feed);
      expect(ids(feed)).to.deep.equal(['dup', 'a3', 'a2', 'a1']);
    });

    it('keeps the reader’s place when entries arrive above a scrolled list', async () => {
      const adapter = adapterWith(activities(20));
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider org-id="o1" .adapter=${adapter}>
          <activity-feed limit="20" style="--od-activity-feed-max-height: 200px"></activity-feed>
        </org-dashboard-provider>
      `);
      const feed = provider.querySelector('activity-feed')!;
      await ready(feed);
      const list = feed.shadowRoot!.querySelector('ol')!;
      expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
      list.scrollTop = 300;
      // The reader's scroll: its event comes with the next frame.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const topOf = (id: string) =>
        entries(feed)
          .find((li) => li.dataset.id === id)!
          .getBoundingClientRect().top;
      const reading = entries(feed).find((li) => li.offsetTop >= 300)!.dataset.id!;
      const where = topOf(reading);
      adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
      adapter.emit('o1', { topic: 'activity', data: live('n2', 2) });
      await elementUpdated(feed);
      expect(ids(feed)[0]).to.equal('n2');
      expect(topOf(reading)).to.be.closeTo(where, 1);
    });

    it('adds a live entry in the row of the one it pushes out: the rows already shown are not touched', async () => {
      const adapter = adapterWith(activities(10));
      const feed = await feedIn(adapter);
      await ready(feed);
      const list = feed.shadowRoot!.querySelector('ol')!;
      const before = entries(feed);
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((found) => records.push(...found));
      observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
      // Shaped as the others (a name and an actor): the same row template.
      adapter.emit('o1', { topic: 'activity', data: live('n1', 1, shapedAsTheOthers('n1')) });
      await elementUpdated(feed);
      records.push(...observer.takeRecords());
      observer.disconnect();
      expect(ids(feed)).to.deep.equal(['n1', 'a10', 'a9', 'a8', 'a7']);
      const after = entries(feed);
      expect(after.slice(1).every((li, i) => li === before[i])).to.equal(true);
      // The new entry took over the row of the one it pushed out: moved to the top, no row made.
      expect(after[0] === before[4], 'the oldest row, reused').to.equal(true);
      // Nothing inside the rows that stay (texts, times, tooltip ids).
      const staying = after.slice(1);
      expect(
        records
          .filter((r) => staying.some((li) => li.contains(r.target)))
          .map((r) => `${r.type} ${r.attributeName}`),
      ).to.deep.equal([]);
      // The list's own children: one row moved, nothing else.
      const elements = (nodes: NodeList[]) =>
        nodes.flatMap((n) => [...n]).filter((n) => n instanceof Element);
      const ofList = records.filter((r) => r.target === list);
      expect(elements(ofList.map((r) => r.addedNodes))).to.deep.equal([before[4]]);
      expect(elements(ofList.map((r) => r.removedNodes))).to.deep.equal([before[4]]);
      // Every shown time still points at its own tooltip.
      for (const li of after) {
        const time = li.querySelector('time')!;
        expect(li.querySelector(`#${time.getAttribute('aria-describedby')}`)).to.not.equal(null);
      }
      const tipIds = after.map((li) => li.querySelector('[part~="tooltip"]')!.id);
      expect(new Set(tipIds).size).to.equal(5);
    });

    it('shows in a reused row exactly what a new row shows, whatever either entry has', async () => {
      /** A row's markup without Lit's markers, tooltip numbers apart (each row keeps its own). */
      const markup = (li: Element) =>
        li.innerHTML.replace(/<!--[^]*?-->/g, '').replace(/exact-time-\d+/g, 'exact-time-N');
      const variants: Partial<Activity>[] = [
        {},
        { resourceName: 'prod' },
        { actor: { name: 'Grace Hopper' } },
        { resourceName: 'invoice ‮ 7', actor: { name: 'أحمد' } },
      ];
      for (const [o, old] of variants.entries()) {
        for (const [n, arriving] of variants.entries()) {
          const shown = [live('s3', -1), live('s2', -2), live('s1', -3), { ...live('old', -4), ...old }];
          const adapter = adapterWith(shown);
          const feed = await feedIn(adapter, { limit: '4' });
          await ready(feed);
          const oldest = entries(feed)[3];
          adapter.emit('o1', { topic: 'activity', data: { ...live('new', 1), ...arriving } });
          await elementUpdated(feed);
          // Its row is reused where both have the same parts (the row template), else made anew.
          expect(entries(feed)[0] === oldest, 'reused').to.equal(o === n);
          // The oracle: a feed that shows the same list from the start.
          const fresh = await feedIn(adapterWith([{ ...live('new', 1), ...arriving }, ...shown]), {
            limit: '4',
          });
          await ready(fresh);
          expect(markup(entries(feed)[0]), `pushed out ${o}, arriving ${n}`).to.equal(
            markup(entries(fresh)[0]),
          );
          fixtureCleanup();
        }
      }
    });

    it('never moves the row holding focus: the focused entry leaves as it did', async () => {
      const adapter = adapterWith(activities(5));
      const feed = await feedIn(adapter);
      await ready(feed);
      const before = entries(feed);
      before[4].querySelector('time')!.focus();
      expect(feed.shadowRoot!.activeElement?.localName).to.equal('time');
      adapter.emit('o1', { topic: 'activity', data: live('new', 1, shapedAsTheOthers('new')) });
      await elementUpdated(feed);
      expect(ids(feed)).to.deep.equal(['new', 'a5', 'a4', 'a3', 'a2']);
      const after = entries(feed);
      expect(after[0] === before[4], 'the focused row is not reused').to.equal(false);
      expect(before[4].isConnected).to.equal(false);
      expect(after.slice(1).every((li, i) => li === before[i])).to.equal(true);
    });

    it('adds a live entry without listeners of its own: the card listens for every time at once', async () => {
      const adapter = adapterWith(activities(10));
      const feed = await feedIn(adapter);
      await ready(feed);
      const list = feed.shadowRoot!.querySelector('ol')!;
      const added = sinon.spy(EventTarget.prototype, 'addEventListener');
      adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
      await elementUpdated(feed);
      const inList = added.thisValues.filter((target) => target instanceof Node && list.contains(target));
      added.restore();
      expect(inList).to.have.length(0);
      // The new row's time still shows its exact time on hover, and Escape hides it until the pointer leaves.
      const when = entries(feed)[0].querySelector<HTMLElement>('.when')!;
      when.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      await elementUpdated(feed);
      expect(entries(feed)[0].querySelector('.when')!.classList.contains('tooltip-hidden')).to.equal(true);
      expect(feed.shadowRoot!.querySelectorAll('.tooltip-hidden')).to.have.length(1);
      when.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
      await elementUpdated(feed);
      expect(feed.shadowRoot!.querySelectorAll('.tooltip-hidden')).to.have.length(0);
      // From the tooltip back to the time is not leaving: only leaving both counts.
      when.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      await elementUpdated(feed);
      const tooltip = when.querySelector('[part~="tooltip"]')!;
      tooltip.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: when }));
      await elementUpdated(feed);
      expect(when.classList.contains('tooltip-hidden')).to.equal(true);
      // Focus leaving the time clears it too.
      when.querySelector('time')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      await elementUpdated(feed);
      expect(when.classList.contains('tooltip-hidden')).to.equal(false);
    });

    it('reads no layout when a live entry arrives at a list nobody scrolled', async () => {
      const adapter = adapterWith(activities(20));
      const feed = await feedIn(adapter, { limit: '20' });
      feed.style.setProperty('--od-activity-feed-max-height', '200px');
      await ready(feed);
      // A layout read in the update (scrollTop, offsetTop...) would force the page's pending layout
      // on every live event.
      const reads: string[] = [];
      const watch = (proto: object, name: string) => {
        const { get } = Object.getOwnPropertyDescriptor(proto, name)!;
        sinon.stub(proto as Record<string, unknown>, name).get(function (this: Element) {
          reads.push(name);
          return get!.call(this);
        });
      };
      watch(Element.prototype, 'scrollTop');
      watch(HTMLElement.prototype, 'offsetTop');
      watch(HTMLElement.prototype, 'offsetHeight');
      try {
        adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
        await elementUpdated(feed);
      } finally {
        sinon.restore();
      }
      expect(ids(feed)[0]).to.equal('n1');
      expect(reads).to.deep.equal([]);
    });

    it('shows new entries at the top to a reader who has not scrolled', async () => {
      const adapter = adapterWith(activities(20));
      const feed = await feedIn(adapter, { limit: '20' });
      feed.style.setProperty('--od-activity-feed-max-height', '200px');
      await ready(feed);
      adapter.emit('o1', { topic: 'activity', data: live('n1', 1) });
      await elementUpdated(feed);
      expect(feed.shadowRoot!.querySelector('ol')!.scrollTop).to.equal(0);
    });
  });

  describe('time', () => {
    afterEach(() => fixtureCleanup());

    it('keeps relative times current on the shared clock', async () => {
      const clock = sinon.useFakeTimers({
        now: BASE + 40_000,
        toFake: ['setInterval', 'clearInterval', 'Date'],
      });
      try {
        const feed = await fixture<ActivityFeed>(
          html`<activity-feed locale="en-US" .data=${[live('t', 0)]}></activity-feed>`,
        );
        const time = () => text(feed, 'time');
        expect(time()).to.equal('now');
        clock.tick(TICK_MS);
        await elementUpdated(feed);
        expect(time()).to.equal('1 minute ago');
        clock.tick(2 * 3600_000);
        await elementUpdated(feed);
        expect(time()).to.equal('2 hours ago');
      } finally {
        fixtureCleanup();
        clock.restore();
      }
    });

    it('shows the exact date and time on keyboard focus and to screen readers, and Escape hides it', async () => {
      const feed = await fixture<ActivityFeed>(
        html`<activity-feed locale="en-US" time-zone="UTC" .data=${[live('t', 0)]}></activity-feed>`,
      );
      const time = feed.shadowRoot!.querySelector('time')!;
      const tip = feed.shadowRoot!.getElementById(time.getAttribute('aria-describedby')!)!;
      expect(tip.getAttribute('part')).to.equal('tooltip');
      expect(clean(tip.textContent)).to.equal('Nov 20, 2026, 10:00:00 AM UTC');
      expect(getComputedStyle(tip).opacity).to.equal('0');
      expect(time.tabIndex).to.equal(0);

      await sendKeys({ press: 'Tab' });
      expect(feed.shadowRoot!.activeElement).to.equal(time);
      expect(getComputedStyle(tip).opacity).to.equal('1');
      expect(getComputedStyle(time).outlineStyle).to.not.equal('none');
      await expect(feed).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await elementUpdated(feed);
      expect(getComputedStyle(tip).opacity).to.equal('0');
      // Focus that leaves (to Show more) and comes back shows it again. By keys both ways: after
      // blur() Firefox starts the next Tab from the top of the page, Chromium from the blurred time.
      await sendKeys({ press: 'Tab' });
      expect(feed.shadowRoot!.activeElement).to.not.equal(time);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await elementUpdated(feed);
      expect(feed.shadowRoot!.activeElement).to.equal(time);
      expect(getComputedStyle(tip).opacity).to.equal('1');
    });

    it('shows the exact time on hover, keeps it while the pointer is over it, and Escape hides it', async () => {
      const feed = await fixture<ActivityFeed>(
        html`<activity-feed locale="en-US" time-zone="UTC" .data=${[live('t', 0)]}></activity-feed>`,
      );
      const when = feed.shadowRoot!.querySelector<HTMLElement>('.when')!;
      const time = feed.shadowRoot!.querySelector('time')!;
      const tip = feed.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
      if (document.visibilityState === 'visible') {
        await hoverChecks(feed, time, tip);
        // Escape with the pointer on the time itself: on the tooltip, hiding it (pointer-events: none)
        // takes the hover off the entry, at once in Firefox (mouseleave clears the dismissal, and the
        // tooltip stays hidden for want of hover), later in Chromium.
        const box = time.getBoundingClientRect();
        await sendMouse({
          type: 'move',
          position: [Math.round(box.x + 5), Math.round(box.y + box.height / 2)],
        });
      } else {
        // Test files run side by side and pointer input never reaches a hidden
        // page (sendMouse would hang): check the hover rule itself instead.
        const rules = feed.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
        const hover = rules.find((rule) => rule.cssText.startsWith('.when:hover [part~="tooltip"]'));
        expect(hover?.cssText).to.contain('opacity: 1');
        when.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      }
      await sendKeys({ press: 'Escape' });
      await elementUpdated(feed);
      expect(when.classList.contains('tooltip-hidden')).to.equal(true);
      expect(getComputedStyle(tip).opacity).to.equal('0');
      when.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
      await elementUpdated(feed);
      expect(when.classList.contains('tooltip-hidden')).to.equal(false);
      if (document.visibilityState === 'visible') await resetMouse();
    });

    it('formats the exact time in the time zone it is given', async () => {
      const feed = await fixture<ActivityFeed>(
        html`<activity-feed locale="de-DE" time-zone="Asia/Tokyo" .data=${[live('t', 0)]}></activity-feed>`,
      );
      expect(text(feed, '[part~="tooltip"]')).to.match(/^20\.11\.2026, 19:00:00 (GMT\+9|JST)$/);
    });
  });

  describe('Show more', () => {
    it('fires a cancelable, bubbling, composed od-show-more-activities with { orgId }', async () => {
      const feed = await feedIn(adapterWith(activities(2)));
      await ready(feed);
      const button = feed.shadowRoot!.querySelector<HTMLButtonElement>('[part~="show-more"]')!;
      expect(button.tagName).to.equal('BUTTON');
      setTimeout(() => button.click());
      const event: DashboardActionEvent = await oneEvent(document, 'od-show-more-activities');
      expect(event.detail).to.deep.equal({ orgId: 'o1' });
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    });

    it('is a real link to the activityLog template; preventDefault() stops the navigation', async () => {
      const adapter = adapterWith(activities(2));
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider
          org-id="o1"
          .adapter=${adapter}
          .links=${{ activityLog: '#/orgs/{orgId}/activity' }}
        >
          <activity-feed></activity-feed>
        </org-dashboard-provider>
      `);
      const feed = provider.querySelector('activity-feed')!;
      await ready(feed);
      const link = feed.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="show-more"]')!;
      expect(link.getAttribute('href')).to.equal('#/orgs/o1/activity');
      const hash = location.hash;
      const route = (event: Event) => event.preventDefault();
      feed.addEventListener('od-show-more-activities', route, { once: true });
      setTimeout(() => link.click());
      const event: DashboardActionEvent = await oneEvent(feed, 'od-show-more-activities');
      expect(event.detail).to.deep.equal({ orgId: 'o1', href: '#/orgs/o1/activity' });
      expect(location.hash).to.equal(hash);
    });

    it('refuses unsafe URL templates and falls back to a button', async () => {
      const feed = await fixture<ActivityFeed>(html`
        <activity-feed
          .links=${{ activityLog: 'javascript:alert(1)' }}
          .data=${[live('t', 0)]}
        ></activity-feed>
      `);
      expect(feed.shadowRoot!.querySelector('[part~="show-more"]')!.tagName).to.equal('BUTTON');
    });
  });

  describe('standalone and controlled', () => {
    it('renders the data it is given newest first, one per id', async () => {
      const data = [live('old', -10), live('new', 10), live('mid', 0), live('new', 10, { action: 'Delete' })];
      const feed = await fixture<ActivityFeed>(html`<activity-feed .data=${data}></activity-feed>`);
      expect(feed.state).to.equal('ready');
      expect(ids(feed)).to.deep.equal(['new', 'mid', 'old']);
    });

    it('leaves out an invalid entry (DESIGN "Lists") with a note', async () => {
      const feed = await fixture<ActivityFeed>(
        html`<activity-feed
          .data=${[live('ok', 0), { ...live('bad', 0), occurredAt: 'yesterday' }] as never}
        ></activity-feed>`,
      );
      expect(feed.state).to.equal('ready');
      expect(feed.shadowRoot!.querySelectorAll('li[data-id]')).to.have.length(1);
      expect(feed.shadowRoot!.querySelector('[part~="invalid-items"]')).to.not.equal(null);
      await expect(feed).to.be.accessible();
    });
  });
});
