import { elementUpdated, expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/announcements-panel.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import type { Announcement } from '../../src/contract/types.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import type { AnnouncementDismissEvent } from '../../src/elements/announcements-panel/announcements-panel.events.js';
import { dismissalKey, forgetDismissalsInMemory } from '../../src/elements/announcements-panel/dismissals.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { TICK_MS } from '../../src/format/relative-time.js';
import { dataset, settle, until } from '../helpers/data.js';
import { reach as inState } from '../helpers/card-fixtures.js';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function announcement(id: string, overrides: Partial<Announcement> = {}): Announcement {
  return {
    id,
    kind: 'update',
    title: `Title ${id}`,
    body: `Body of ${id}.`,
    publishedAt: iso(NOW - HOUR),
    ...overrides,
  };
}

/** Newest first, as the store keeps them: a feature, a maintenance, a critical update, a release. */
function announcements(): Announcement[] {
  return [
    announcement('n1', {
      kind: 'feature',
      title: 'Snapshots are here',
      body: 'Take snapshots.\nRestore them in seconds.',
      publishedAt: iso(NOW - 2 * HOUR),
      url: 'https://docs.example.com/snapshots',
    }),
    announcement('n2', {
      kind: 'maintenance',
      title: 'Control plane upgrade',
      body: 'Deploys are paused.',
      publishedAt: iso(NOW - 5 * HOUR),
      severity: 'warning',
      url: '/status/42',
      window: { start: '2026-06-18T02:00:00Z', end: '2026-06-18T04:00:00Z' },
    }),
    announcement('n3', {
      kind: 'update',
      title: 'TLS 1.0 retired',
      body: 'Update your clients.',
      publishedAt: iso(NOW - 3 * DAY),
      severity: 'critical',
      url: 'javascript:alert(1)',
    }),
    announcement('n4', {
      kind: 'release',
      title: 'Platform 4.12',
      body: 'Faster cold starts.',
      publishedAt: iso(NOW - 10 * DAY),
      severity: 'info',
    }),
  ];
}

function data(list: Announcement[] = announcements(), ...ids: string[]): DashboardDataset {
  const all = dataset('o1', ...ids);
  for (const org of Object.values(all)) org.announcements = structuredClone(list);
  return all;
}

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const items = (panel: AnnouncementsPanel) => [...root(panel).querySelectorAll<HTMLLIElement>('li[data-id]')];
const ids = (panel: AnnouncementsPanel) => items(panel).map((li) => li.dataset.id);
const item = (panel: AnnouncementsPanel, id: string) => items(panel).find((li) => li.dataset.id === id)!;
const dismissButton = (panel: AnnouncementsPanel, id: string) =>
  item(panel, id).querySelector<HTMLButtonElement>('[part~="dismiss"]')!;
const toggle = (panel: AnnouncementsPanel) =>
  root(panel).querySelector<HTMLButtonElement>('[part~="show-dismissed"]');

async function panelIn(
  adapter: MemoryAdapter,
  { orgId = 'o1', userId, timeZone = 'UTC' }: { orgId?: string; userId?: string; timeZone?: string } = {},
): Promise<AnnouncementsPanel> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id=${orgId} .adapter=${adapter} locale="en-US" time-zone=${timeZone}>
      <announcements-panel user-id=${userId ?? ''}></announcements-panel>
    </org-dashboard-provider>
  `);
  return provider.querySelector('announcements-panel')!;
}

async function controlled(list: unknown, attrs: { timeZone?: string; locale?: string } = {}) {
  return fixture<AnnouncementsPanel>(html`
    <announcements-panel
      org-id="o1"
      .data=${list as Announcement[]}
      locale=${attrs.locale ?? 'en-US'}
      time-zone=${attrs.timeZone ?? 'UTC'}
    ></announcements-panel>
  `);
}

describe('<announcements-panel>', () => {
  beforeEach(() => {
    localStorage.clear();
    forgetDismissalsInMemory();
  });
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
    forgetDismissalsInMemory();
  });

  describe('content', () => {
    beforeEach(() => sinon.useFakeTimers({ now: NOW, toFake: ['Date'] }));

    it('renders many announcements in steps, whole when updateComplete resolves, dismissing from the last', async () => {
      const many = Array.from({ length: 30 }, (_, i) =>
        announcement(`m${i}`, { publishedAt: iso(NOW - (i + 1) * HOUR) }),
      );
      const panel = await panelIn(createMemoryAdapter(data(many)));
      const itemsPerRender: number[] = [];
      panel.addController({ hostUpdated: () => itemsPerRender.push(items(panel).length) });
      await inState(panel);
      expect(ids(panel)).to.deep.equal(many.map((a) => a.id));
      const withItems = itemsPerRender.filter((n) => n > 0);
      expect(withItems).to.deep.equal([10, 20, 30]);
      // The steps are the first render's only: dismissing the last one re-renders the rest at once.
      dismissButton(panel, 'm29').click();
      await panel.updateComplete;
      expect(ids(panel)).to.deep.equal(many.slice(0, 29).map((a) => a.id));
    });

    it('lists announcements newest first with kind, severity, title, time and body', async () => {
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      expect(ids(panel)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);
      const first = item(panel, 'n1');
      // Published within the last 14 days and no read mark yet: "New", inside the heading.
      expect(text(first.querySelector('[part~="item-title"]'))).to.equal('Snapshots are here New');
      expect(text(first.querySelector('[part~="kind"]'))).to.equal('New feature');
      expect(first.querySelector('[part~="severity"]')).to.equal(null);
      const time = first.querySelector('time[part~="time"]')!;
      expect(text(time)).to.equal('2 hours ago');
      expect(time.getAttribute('datetime')).to.equal('2026-06-15T10:00:00.000Z');
      expect(time.getAttribute('tabindex')).to.equal('0');
      const tooltip = root(panel).getElementById(time.getAttribute('aria-describedby')!);
      expect(text(tooltip)).to.equal('Published Jun 15, 2026, 10:00:00 AM UTC');
      expect(text(item(panel, 'n2').querySelector('[part~="kind"]'))).to.equal('Maintenance');
      expect(text(item(panel, 'n2').querySelector('[part~="severity"]'))).to.equal('Warning');
      expect(text(item(panel, 'n3').querySelector('[part~="severity"]'))).to.equal('Critical');
      expect(text(item(panel, 'n4').querySelector('[part~="kind"]'))).to.equal('Release');
      expect(text(item(panel, 'n4').querySelector('[part~="severity"]'))).to.equal('Info');
      expect(text(item(panel, 'n3').querySelector('time'))).to.equal('3 days ago');
      expect(panel.matches(':state(ready)')).to.equal(true);
      await expect(panel).to.be.accessible();
    });

    it('shows the exact time on keyboard focus and on hover; Escape hides it', async () => {
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      const time = item(panel, 'n1').querySelector<HTMLElement>('time')!;
      const tooltip = item(panel, 'n1').querySelector<HTMLElement>('[part~="tooltip"]')!;
      const shown = () => getComputedStyle(tooltip).opacity === '1';
      expect(shown()).to.equal(false);
      // The dismiss button comes just before the time in the tab order.
      dismissButton(panel, 'n1').focus();
      await sendKeys({ press: 'Tab' });
      expect(root(panel).activeElement).to.equal(time);
      await until(shown, 'the tooltip on focus');
      await sendKeys({ press: 'Escape' });
      await until(() => !shown(), 'Escape to hide it');
      time.blur();
      await elementUpdated(panel);

      if (document.visibilityState === 'visible') {
        const box = time.getBoundingClientRect();
        await sendMouse({
          type: 'move',
          position: [Math.round(box.x + 4), Math.round(box.y + box.height / 2)],
        });
        try {
          await until(shown, 'the tooltip on hover');
        } finally {
          await resetMouse();
        }
      } else {
        // Test files run side by side and pointer input never reaches a hidden
        // page (sendMouse would hang): check the hover rule itself instead.
        const rules = root(panel).adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
        const hover = rules.find((rule) => rule.cssText.startsWith('.when:hover [part~="tooltip"]'));
        expect(hover?.cssText).to.contain('opacity: 1');
      }
    });

    it('makes critical announcements stand out beyond color: icon, thicker border and the word', async () => {
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      const critical = item(panel, 'n3');
      const info = item(panel, 'n4');
      expect(critical.part.contains('critical')).to.equal(true);
      expect(critical.querySelector('svg.icon-critical')).to.not.equal(null);
      expect(parseFloat(getComputedStyle(critical).borderInlineStartWidth)).to.be.greaterThan(
        parseFloat(getComputedStyle(info).borderInlineStartWidth),
      );
      expect(item(panel, 'n2').querySelector('svg.icon-warning')).to.not.equal(null);
    });

    it('renders the body as plain text: markup shows as text and creates no element', async () => {
      const html1 = '<img src=x onerror="window.__pwned=1"><b>bold</b><script>window.__pwned=1</script>';
      const panel = await controlled([
        announcement('h1', { body: html1 }),
        announcement('h2', { body: 'Templates use the <workspace> and {{region}} placeholders.' }),
      ]);
      const body = item(panel, 'h1').querySelector('[part~="item-body"]')!;
      expect(body.textContent).to.equal(html1);
      expect(body.children.length).to.equal(0);
      expect(root(panel).querySelector('img, b, script, workspace')).to.equal(null);
      expect(text(item(panel, 'h2').querySelector('[part~="item-body"]'))).to.equal(
        'Templates use the <workspace> and {{region}} placeholders.',
      );
      await settle();
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('keeps the line breaks of the body', async () => {
      const panel = await controlled([
        announcement('l1', { body: 'Line one\nLine two\nLine three' }),
        announcement('l2', { body: 'Line one Line two Line three', publishedAt: iso(NOW - 2 * HOUR) }),
      ]);
      const multi = item(panel, 'l1').querySelector<HTMLElement>('[part~="item-body"]')!;
      const single = item(panel, 'l2').querySelector<HTMLElement>('[part~="item-body"]')!;
      expect(multi.textContent).to.equal('Line one\nLine two\nLine three');
      expect(getComputedStyle(multi).whiteSpace).to.equal('pre-line');
      expect(multi.getBoundingClientRect().height).to.be.greaterThan(
        single.getBoundingClientRect().height * 2.5,
      );
    });

    it('links "Learn more" only for http(s) and relative URLs, named with the title', async () => {
      const unsafe = [
        'javascript:alert(1)',
        'JAVASCRIPT:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        'file:///etc/passwd',
        '',
      ];
      const safe = {
        s1: 'https://docs.example.com/a',
        s2: 'http://status.example.com/b',
        s3: '/changelog/4-12',
        s4: 'changelog',
      };
      const panel = await controlled([
        ...Object.entries(safe).map(([id, url]) => announcement(id, { url })),
        ...unsafe.map((url, i) => announcement(`u${i}`, { url, publishedAt: iso(NOW - 2 * HOUR) })),
      ]);
      for (const [id, url] of Object.entries(safe)) {
        const link = item(panel, id).querySelector<HTMLAnchorElement>('a[part~="learn-more"]')!;
        expect(link.getAttribute('href'), id).to.equal(url);
        expect(text(link)).to.equal('Learn more');
        expect(link.getAttribute('aria-label')).to.equal(`Learn more: Title ${id}`);
      }
      for (let i = 0; i < unsafe.length; i += 1) {
        expect(item(panel, `u${i}`).querySelector('a'), unsafe[i]).to.equal(null);
      }
      expect(
        root(panel).querySelector('a[href^="javascript" i], a[href^="data" i], a[href^="vbscript" i]'),
      ).to.equal(null);
      // Other origins learn nothing of this page; same-origin links keep the referrer.
      const rel = (id: string) => item(panel, id).querySelector('a')!.getAttribute('rel');
      expect(rel('s1')).to.equal('noopener noreferrer');
      expect(rel('s2')).to.equal('noopener noreferrer');
      expect(rel('s3')).to.equal(null);
      await expect(panel).to.be.accessible();
    });

    it('keeps its targets at least 24 by 24 pixels', async () => {
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      const targets = root(panel).querySelectorAll<HTMLElement>('[part~="dismiss"], a[part~="learn-more"]');
      expect(targets.length).to.be.greaterThan(4);
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        expect(box.height, target.outerHTML).to.be.at.least(24);
        expect(box.width, target.outerHTML).to.be.at.least(24);
      }
    });

    it('gives each title a heading one level below the card heading', async () => {
      const panel = await controlled([announcement('a1')]);
      expect(root(panel).querySelector('[part~="item-title"]')!.getAttribute('aria-level')).to.equal('3');
      panel.headingLevel = 6;
      await elementUpdated(panel);
      expect(root(panel).querySelector('[part~="item-title"]')!.getAttribute('aria-level')).to.equal('6');
    });

    it('takes replacement strings', async () => {
      const panel = await fixture<AnnouncementsPanel>(html`
        <announcements-panel
          .data=${[announcement('a1', { kind: 'feature' })]}
          .strings=${{ announcementsTitle: 'News', announcementsKindFeature: 'Neu' }}
        ></announcements-panel>
      `);
      expect(text(root(panel).querySelector('[part~="title"]'))).to.equal('News');
      expect(text(root(panel).querySelector('[part~="kind"]'))).to.equal('Neu');
    });
  });

  describe('maintenance window', () => {
    beforeEach(() => sinon.useFakeTimers({ now: NOW, toFake: ['Date'] }));

    const windowText = (panel: AnnouncementsPanel, id = 'w') =>
      text(item(panel, id).querySelector('[part~="window"]'));
    /** What a panel in `timeZone` says of one maintenance `window`. */
    const windowIn = async (window: { start: string; end: string }, timeZone: string) =>
      windowText(await controlled([announcement('w', { kind: 'maintenance', window })], { timeZone }));

    it('says the day relative to today and the times, in the viewer’s time zone', async () => {
      const list = [
        announcement('w', {
          kind: 'maintenance',
          window: { start: '2026-06-18T02:00:00Z', end: '2026-06-18T04:00:00Z' },
        }),
      ];
      const utc = await controlled(list, { timeZone: 'UTC' });
      expect(windowText(utc)).to.equal('Maintenance window in 3 days, 2:00 – 4:00 AM UTC');
      expect(item(utc, 'w').querySelector('[part~="window"] time')!.getAttribute('datetime')).to.equal(
        '2026-06-18T02:00:00.000Z',
      );
      const tokyo = await controlled(list, { timeZone: 'Asia/Tokyo' });
      expect(windowText(tokyo)).to.equal('Maintenance window in 3 days, 11:00 AM – 1:00 PM GMT+9');
      const tokyoGb = await controlled(list, { timeZone: 'Asia/Tokyo', locale: 'en-GB' });
      expect(windowText(tokyoGb)).to.equal('Maintenance window in 3 days, 11:00–13:00 GMT+9');
    });

    it('counts calendar days where the viewer is: the same instant is tomorrow in UTC, the day after in Tokyo', async () => {
      // 22:00 UTC on the 16th is 07:00 on the 17th in Tokyo (where it is already 21:00 on the 15th).
      const window = { start: '2026-06-16T22:00:00Z', end: '2026-06-16T23:30:00Z' };
      expect(await windowIn(window, 'UTC')).to.equal('Maintenance window tomorrow, 10:00 – 11:30 PM UTC');
      expect(await windowIn(window, 'Asia/Tokyo')).to.equal(
        'Maintenance window in 2 days, 7:00 – 8:30 AM GMT+9',
      );
    });

    it('shows both dates of a window that spans days', async () => {
      const window = { start: '2026-06-16T22:00:00Z', end: '2026-06-17T02:00:00Z' };
      expect(await windowIn(window, 'UTC')).to.equal(
        'Maintenance window tomorrow, Jun 16, 10:00 PM UTC – Jun 17, 2:00 AM UTC',
      );
      // In Tokyo the same window fits in one morning.
      expect(await windowIn(window, 'Asia/Tokyo')).to.equal(
        'Maintenance window in 2 days, 7:00 – 11:00 AM GMT+9',
      );
    });

    it('says "In progress" with the time left while the window runs, and "Completed" after it', async () => {
      const list = [
        announcement('w', {
          kind: 'maintenance',
          window: { start: iso(NOW - HOUR), end: iso(NOW + HOUR) },
        }),
        announcement('e', {
          kind: 'maintenance',
          window: { start: '2026-05-01T02:00:00Z', end: '2026-05-01T04:00:00Z' },
        }),
        announcement('y', {
          kind: 'maintenance',
          window: { start: '2025-12-01T02:00:00Z', end: '2025-12-01T04:00:00Z' },
        }),
        announcement('r', {
          kind: 'release',
          window: { start: '2026-07-01T09:00:00Z', end: '2026-07-01T09:30:00Z' },
        }),
      ];
      const panel = await controlled(list, { timeZone: 'UTC' });
      expect(windowText(panel, 'w')).to.equal(
        'Maintenance window In progress, ends in 1 hr (11:00 AM – 1:00 PM UTC)',
      );
      expect(item(panel, 'w').querySelector('.window-ongoing')).to.not.equal(null);
      expect(windowText(panel, 'e')).to.equal('Maintenance window Completed (May 1, 2:00 – 4:00 AM UTC)');
      expect(windowText(panel, 'y')).to.equal(
        'Maintenance window Completed (Dec 1, 2025, 2:00 – 4:00 AM UTC)',
      );
      // More than a week away: a date. Not maintenance: "Scheduled".
      expect(windowText(panel, 'r')).to.equal('Scheduled Jul 1, 9:00 – 9:30 AM UTC');
      await expect(panel).to.be.accessible();
    });

    it('moves from upcoming to ongoing as time passes, on the shared clock', async () => {
      sinon.restore();
      const clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
      const panel = await controlled([
        announcement('w', {
          kind: 'maintenance',
          window: { start: iso(NOW + 20_000), end: iso(NOW + HOUR) },
        }),
      ]);
      expect(windowText(panel)).to.match(/^Maintenance window today, /);
      clock.tick(TICK_MS);
      await elementUpdated(panel);
      expect(windowText(panel)).to.match(/^Maintenance window In progress, ends in 1 hr \(/);
    });
  });

  describe('dismissing', () => {
    it('hides it, fires od-announcement-dismiss, remembers it and moves focus to the next one', async () => {
      const panel = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      await inState(panel);
      const events: AnnouncementDismissEvent[] = [];
      document.addEventListener(
        'od-announcement-dismiss',
        (e) => events.push(e as AnnouncementDismissEvent),
        { once: true },
      );
      const button = dismissButton(panel, 'n2');
      expect(button.getAttribute('aria-label')).to.equal('Dismiss: Control plane upgrade');
      button.focus();
      button.click();
      await elementUpdated(panel);
      expect(events.length).to.equal(1);
      expect(events[0].detail).to.deep.equal({ orgId: 'o1', announcementId: 'n2' });
      expect(events[0].bubbles && events[0].composed && events[0].cancelable).to.equal(true);
      expect(ids(panel)).to.deep.equal(['n1', 'n3', 'n4']);
      expect(JSON.parse(localStorage.getItem(dismissalKey('o1', 'u1'))!)).to.deep.equal(['n2']);
      await until(() => root(panel).activeElement === dismissButton(panel, 'n3'), 'focus on the next one');
      // The status region is emptied first and speaks a render later (so the same text twice is news).
      await until(
        () => text(root(panel).querySelector('[role="status"]')) === 'Dismissed “Control plane upgrade”',
        'the status says it',
      );
      expect(text(toggle(panel))).to.equal('Show dismissed (1)');
      await expect(panel).to.be.accessible();
    });

    it('stays dismissed in a new panel for the same org and user (a reload)', async () => {
      const first = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      await inState(first);
      dismissButton(first, 'n1').click();
      await elementUpdated(first);
      // A reload: memory is gone, only storage remains.
      forgetDismissalsInMemory();
      const second = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      await inState(second);
      expect(ids(second)).to.deep.equal(['n2', 'n3', 'n4']);
    });

    it('reads what an earlier visit stored', async () => {
      localStorage.setItem(dismissalKey('o1'), JSON.stringify(['n3', 'gone-long-ago']));
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      expect(ids(panel)).to.deep.equal(['n1', 'n2', 'n4']);
      expect(text(toggle(panel))).to.equal('Show dismissed (1)');
    });

    it('keeps dismissals apart per organization and per user', async () => {
      const adapter = createMemoryAdapter(data(announcements(), 'o2'));
      const a = await panelIn(adapter, { userId: 'ada' });
      await inState(a);
      dismissButton(a, 'n1').click();
      await elementUpdated(a);
      forgetDismissalsInMemory();

      const otherUser = await panelIn(adapter, { userId: 'bob' });
      await inState(otherUser);
      expect(ids(otherUser)).to.include('n1');
      const otherOrg = await panelIn(adapter, { orgId: 'o2', userId: 'ada' });
      await inState(otherOrg);
      expect(ids(otherOrg)).to.include('n1');
      const noUser = await panelIn(adapter);
      await inState(noUser);
      expect(ids(noUser)).to.include('n1');
      const sameAgain = await panelIn(adapter, { userId: 'ada' });
      await inState(sameAgain);
      expect(ids(sameAgain)).to.not.include('n1');
    });

    it('follows a change of user on the same panel', async () => {
      localStorage.setItem(dismissalKey('o1', 'ada'), JSON.stringify(['n1']));
      const panel = await panelIn(createMemoryAdapter(data()), { userId: 'ada' });
      await inState(panel);
      expect(ids(panel)).to.not.include('n1');
      panel.userId = 'bob';
      await elementUpdated(panel);
      expect(ids(panel)).to.include('n1');
    });

    it('keeps it shown and remembers nothing when the event is canceled', async () => {
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      panel.addEventListener('od-announcement-dismiss', (e) => e.preventDefault(), { once: true });
      dismissButton(panel, 'n1').click();
      await elementUpdated(panel);
      expect(ids(panel)).to.include('n1');
      expect(localStorage.getItem(dismissalKey('o1'))).to.equal(null);
      expect(toggle(panel)).to.equal(null);
    });

    it('tolerates storage that throws on every use, remembering for the session', async () => {
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      sinon.stub(Storage.prototype, 'setItem').throws(quota);
      sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('denied', 'SecurityError'));
      sinon.stub(Storage.prototype, 'removeItem').throws(new DOMException('denied', 'SecurityError'));
      const errors = sinon.spy();
      window.addEventListener('error', errors);
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      dismissButton(panel, 'n1').click();
      await elementUpdated(panel);
      expect(ids(panel)).to.deep.equal(['n2', 'n3', 'n4']);
      const again = await panelIn(createMemoryAdapter(data()));
      await inState(again);
      expect(ids(again)).to.deep.equal(['n2', 'n3', 'n4']);
      // Restoring the last one removes the key: that throws too, and is tolerated as well.
      toggle(again)!.click();
      await elementUpdated(again);
      item(again, 'n1').querySelector<HTMLButtonElement>('[part~="restore"]')!.click();
      await elementUpdated(again);
      expect(ids(again)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);
      window.removeEventListener('error', errors);
      expect(errors.callCount).to.equal(0);
    });

    it('tolerates storage that cannot even be reached (SecurityError on localStorage)', async () => {
      sinon.stub(window, 'localStorage').get(() => {
        throw new DOMException('denied', 'SecurityError');
      });
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      dismissButton(panel, 'n1').click();
      await elementUpdated(panel);
      expect(ids(panel)).to.deep.equal(['n2', 'n3', 'n4']);
    });

    it('treats corrupt stored JSON as nothing dismissed, and keeps the string ids of odd JSON', async () => {
      localStorage.setItem(dismissalKey('o1'), '{not json');
      const corrupt = await panelIn(createMemoryAdapter(data()));
      await inState(corrupt);
      expect(ids(corrupt)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);
      // Dismissing over corrupt data writes clean JSON.
      dismissButton(corrupt, 'n4').click();
      await elementUpdated(corrupt);
      expect(JSON.parse(localStorage.getItem(dismissalKey('o1'))!)).to.deep.equal(['n4']);

      forgetDismissalsInMemory();
      localStorage.setItem(dismissalKey('o1'), '{"n1": true}');
      const object = await panelIn(createMemoryAdapter(data()));
      await inState(object);
      expect(ids(object)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);

      localStorage.setItem(dismissalKey('o1'), JSON.stringify(['n2', 5, null, { id: 'n3' }]));
      const mixed = await panelIn(createMemoryAdapter(data()));
      await inState(mixed);
      expect(ids(mixed)).to.deep.equal(['n1', 'n3', 'n4']);
    });

    it('shows dismissed ones again on request, and restores them one by one', async () => {
      const panel = await panelIn(createMemoryAdapter(data()));
      await inState(panel);
      dismissButton(panel, 'n1').click();
      await elementUpdated(panel);
      dismissButton(panel, 'n3').click();
      await elementUpdated(panel);
      const button = toggle(panel)!;
      expect(text(button)).to.equal('Show dismissed (2)');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      button.click();
      await elementUpdated(panel);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(ids(panel)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);
      const n1 = item(panel, 'n1');
      expect(n1.part.contains('dismissed')).to.equal(true);
      expect(text(n1.querySelector('.dismissed-badge'))).to.equal('Dismissed');
      expect(n1.querySelector('[part~="dismiss"]')).to.equal(null);
      const restore = n1.querySelector<HTMLButtonElement>('[part~="restore"]')!;
      expect(restore.getAttribute('aria-label')).to.equal('Restore: Snapshots are here');
      await expect(panel).to.be.accessible();

      restore.click();
      await elementUpdated(panel);
      expect(item(panel, 'n1').part.contains('dismissed')).to.equal(false);
      await until(
        () => root(panel).activeElement === dismissButton(panel, 'n1'),
        'focus on its dismiss button',
      );
      await until(
        () => text(root(panel).querySelector('[role="status"]')) === 'Restored “Snapshots are here”',
        'the status says it',
      );
      expect(text(toggle(panel))).to.equal('Show dismissed (1)');
      expect(JSON.parse(localStorage.getItem(dismissalKey('o1'))!)).to.deep.equal(['n3']);

      // Dismissing while dismissed ones are shown keeps it in place, marked, with focus on Restore.
      dismissButton(panel, 'n2').click();
      await elementUpdated(panel);
      expect(ids(panel)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);
      await until(
        () => root(panel).activeElement === item(panel, 'n2').querySelector('[part~="restore"]'),
        'focus on Restore',
      );

      // Restoring the last ones hides the toggle and leaves the "show" mode.
      item(panel, 'n2').querySelector<HTMLButtonElement>('[part~="restore"]')!.click();
      await elementUpdated(panel);
      item(panel, 'n3').querySelector<HTMLButtonElement>('[part~="restore"]')!.click();
      await elementUpdated(panel);
      expect(toggle(panel)).to.equal(null);
      expect(localStorage.getItem(dismissalKey('o1'))).to.equal(null);
      dismissButton(panel, 'n4').click();
      await elementUpdated(panel);
      expect(ids(panel)).to.deep.equal(['n1', 'n2', 'n3']);
    });

    it('is empty with its own message when every announcement is dismissed, and can show them again', async () => {
      const panel = await panelIn(createMemoryAdapter(data(announcements().slice(0, 2))));
      await inState(panel);
      dismissButton(panel, 'n1').click();
      await elementUpdated(panel);
      dismissButton(panel, 'n2').click();
      await inState(panel, 'empty');
      expect(text(root(panel).querySelector('[part~="empty"]'))).to.equal(
        'No new announcements. You dismissed all of them.',
      );
      // Focus had nowhere else to go but the toggle.
      await until(() => root(panel).activeElement === toggle(panel), 'focus on the toggle');
      expect(text(toggle(panel))).to.equal('Show dismissed (2)');
      await expect(panel).to.be.accessible();
      toggle(panel)!.click();
      await inState(panel, 'ready');
      expect(ids(panel)).to.deep.equal(['n1', 'n2']);
    });

    it('shares dismissals between panels of the same org and user on the page, and with other tabs', async () => {
      const adapter = createMemoryAdapter(data());
      const wrapper = fixtureSync<HTMLElement>(html`
        <div>
          <announcements-panel org-id="o1" .adapter=${adapter} user-id="u"></announcements-panel>
          <announcements-panel org-id="o1" .adapter=${adapter} user-id="u"></announcements-panel>
        </div>
      `);
      const [a, b] = [...wrapper.querySelectorAll('announcements-panel')];
      await inState(a);
      await inState(b);
      dismissButton(a, 'n1').click();
      await elementUpdated(b);
      expect(ids(b)).to.not.include('n1');

      // Another tab dismissed n2 and restored n1.
      const key = dismissalKey('o1', 'u');
      // (Storage holds its value when the event comes.)
      localStorage.setItem(key, JSON.stringify(['n2']));
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: JSON.stringify(['n2']) }));
      await elementUpdated(a);
      await elementUpdated(b);
      expect(ids(a)).to.deep.equal(['n1', 'n3', 'n4']);
      expect(ids(b)).to.deep.equal(['n1', 'n3', 'n4']);
    });
  });

  describe('states', () => {
    it('lets the viewer dismiss while stale, down to the empty message', async () => {
      const adapter = createMemoryAdapter(data());
      const panel = await panelIn(adapter);
      await inState(panel);
      adapter.disconnect();
      await inState(panel, 'stale');
      for (const id of ['n1', 'n2', 'n3', 'n4']) {
        dismissButton(panel, id).click();
        await elementUpdated(panel);
      }
      expect(text(root(panel).querySelector('[part~="empty"]'))).to.equal(
        'No new announcements. You dismissed all of them.',
      );
      await expect(panel).to.be.accessible();
      adapter.reconnect();
      await inState(panel, 'empty');
    });
  });

  describe('live', () => {
    it('adds a new announcement at the top without re-rendering the others', async () => {
      const adapter = createMemoryAdapter(data());
      const panel = await panelIn(adapter);
      await inState(panel);
      const before = item(panel, 'n1');
      const scroller = root(panel).querySelector<HTMLElement>('[part~="body"]')!;
      adapter.emit('o1', {
        topic: 'announcements',
        data: announcement('fresh', { title: 'Just in', publishedAt: new Date().toISOString() }),
      });
      await until(() => ids(panel)[0] === 'fresh', 'the live entry');
      expect(ids(panel)).to.deep.equal(['fresh', 'n1', 'n2', 'n3', 'n4']);
      expect(item(panel, 'n1')).to.equal(before);
      expect(root(panel).querySelector('[part~="body"]')).to.equal(scroller);
    });

    it('updates an announcement in place when it changes (deduplicated by id)', async () => {
      const adapter = createMemoryAdapter(data());
      const panel = await panelIn(adapter);
      await inState(panel);
      const before = item(panel, 'n2');
      const changed = { ...announcements()[1], title: 'Control plane upgrade (rescheduled)' };
      adapter.emit('o1', { topic: 'announcements', data: changed });
      adapter.emit('o1', { topic: 'announcements', data: changed });
      await until(
        () => text(item(panel, 'n2').querySelector('[part~="item-title"]')) === changed.title,
        'the changed title',
      );
      expect(ids(panel)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);
      expect(item(panel, 'n2')).to.equal(before);
    });

    it('keeps a live update of a dismissed announcement dismissed', async () => {
      const adapter = createMemoryAdapter(data());
      const panel = await panelIn(adapter);
      await inState(panel);
      dismissButton(panel, 'n1').click();
      await elementUpdated(panel);
      adapter.emit('o1', { topic: 'announcements', data: { ...announcements()[0], body: 'Edited.' } });
      await settle();
      await elementUpdated(panel);
      expect(ids(panel)).to.not.include('n1');
    });
  });

  describe('modes', () => {
    it('renders controlled data newest first, one per id', async () => {
      const panel = await controlled([
        announcement('old', { publishedAt: '2026-01-01T00:00:00Z' }),
        announcement('new', { publishedAt: '2026-06-01T00:00:00Z' }),
        announcement('old', { publishedAt: '2026-01-01T00:00:00Z', title: 'Duplicate' }),
      ]);
      expect(panel.state).to.equal('ready');
      expect(ids(panel)).to.deep.equal(['new', 'old']);
    });

    it('leaves out invalid controlled items (DESIGN "Lists") with a note', async () => {
      const panel = await controlled([
        { id: 'x', kind: 'gossip', title: 'T', body: '', publishedAt: 'soon' },
      ]);
      expect(panel.state).to.equal('empty');
      expect(root(panel).querySelector('[part~="invalid-items"]')).to.not.equal(null);
      await expect(panel).to.be.accessible();
    });
  });

  describe('right to left', () => {
    it('mirrors: the dismiss button sits at the inline end, the severity border at the inline start', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`
        <div dir="rtl" lang="ar" style="width: 420px">
          <announcements-panel
            time-zone="Asia/Kuwait"
            .data=${[
              announcement('ar', {
                kind: 'maintenance',
                severity: 'critical',
                title: 'صيانة مجدولة لمنطقة الشرق الأوسط'.repeat(3),
                body: 'ستخضع منطقة me-central لصيانة مجدولة.\nقد تتأخر عمليات النشر الجديدة.',
                window: { start: iso(Date.now() + 2 * DAY), end: iso(Date.now() + 2 * DAY + 4 * HOUR) },
              }),
            ]}
          ></announcements-panel>
        </div>
      `);
      const panel = wrapper.querySelector('announcements-panel')!;
      await elementUpdated(panel);
      const li = item(panel, 'ar');
      const title = li.querySelector('[part~="item-title"]')!.getBoundingClientRect();
      const dismiss = dismissButton(panel, 'ar').getBoundingClientRect();
      expect(dismiss.right).to.be.at.most(title.left + 1);
      const style = getComputedStyle(li);
      expect(parseFloat(style.borderRightWidth)).to.be.greaterThan(parseFloat(style.borderLeftWidth));
      expect(text(li.querySelector('[part~="kind"]'))).to.not.equal('');
      expect(text(li.querySelector('[part~="window"]'))).to.not.match(/NaN|Invalid/);
      expect(panel.getBoundingClientRect().width).to.be.at.most(421);
      await expect(panel).to.be.accessible();
    });
  });
});
