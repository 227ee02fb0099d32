/**
 * 400% zoom (WCAG 2.2, 1.4.10 Reflow): a 1280 × 1024 screen zoomed to 400% is a viewport of
 * 320 × 256 CSS px. Content then scrolls in one direction only: the page scrolls down, and a card's
 * own scroll area (the announcements, the activity log's list, a feed given a height) is never
 * taller than the viewport, so it can be brought whole into view and scrolled by itself, and
 * nothing scrolls sideways. A partner's height token is kept where it fits the viewport, and the
 * loading placeholder keeps the list's size at any zoom, so nothing jumps.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardCard } from '../../src/base/dashboard-card.js';
import type { ResourceKey } from '../../src/store/resources.js';
import { dataset, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';
import { CARDS, deepElements, freezeClock } from '../theming/cards.js';

type Card = DashboardCard<ResourceKey>;

const ZOOMED = { width: 320, height: 256 };
const DESKTOP = { width: 1280, height: 1024 };

const dataOf = (tag: string) => CARDS.find((card) => card.tag === tag)!.data;
/** Ten announcements or activities: more than any default scroll area holds at 256 px. */
const many = (tag: string) =>
  Array.from({ length: 10 }, (_, i) =>
    (dataOf(tag) as { id: string }[]).map((item) => ({ ...item, id: `${item.id}-${i}` })),
  ).flat();

async function mount(tag: string, data: unknown, style = ''): Promise<Card> {
  const el = document.createElement(tag) as Card;
  el.setAttribute('locale', 'en-US');
  el.setAttribute('time-zone', 'UTC');
  el.setAttribute('style', style);
  el.dataset.zoom = '';
  el.data = data as never;
  document.body.append(el);
  await until(() => el.state === 'ready', `${tag} ready (is ${el.state})`);
  await el.updateComplete;
  await frame();
  return el;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Every box under `root`'s shadow roots that scrolls (or would) on either axis. */
function scrollAreas(root: Element): HTMLElement[] {
  return [root, ...deepElements(root.shadowRoot!)].filter((el): el is HTMLElement => {
    if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    return /auto|scroll/.test(style.overflowY) || /auto|scroll/.test(style.overflowX);
  });
}

const named = (el: Element) => el.getAttribute('part') ?? el.localName;

/** What breaks one-direction scrolling in the current viewport, as sentences. */
function twoDimensionalScrolling(root: Element): string[] {
  const problems: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth)
    problems.push(`the page scrolls sideways (${page.scrollWidth} px)`);
  for (const area of scrollAreas(root)) {
    const box = area.getBoundingClientRect();
    if (box.height > innerHeight + 0.5)
      problems.push(`${named(area)} is ${Math.round(box.height)} px tall in a ${innerHeight} px viewport`);
    if (area.scrollWidth > area.clientWidth + 1)
      problems.push(`${named(area)} scrolls sideways (${area.scrollWidth} px in ${area.clientWidth})`);
  }
  return problems;
}

describe('400% zoom: 320 × 256 CSS px, scrolling in one direction', () => {
  let restoreClock: () => void;
  before(() => {
    restoreClock = freezeClock();
    document.body.style.margin = '0';
  });
  after(async () => {
    restoreClock();
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  beforeEach(() => setViewport(ZOOMED));
  afterEach(() => {
    localStorage.clear();
    document.querySelectorAll('[data-zoom]').forEach((el) => el.remove());
  });

  const cases: { name: string; tag: string; data: () => unknown; style?: string }[] = [
    ...CARDS.map((card) => ({ name: card.tag, tag: card.tag, data: () => card.data })),
    {
      name: 'announcements-panel, many',
      tag: 'announcements-panel',
      data: () => many('announcements-panel'),
    },
    {
      name: 'announcements-panel, a partner height of 40rem',
      tag: 'announcements-panel',
      data: () => many('announcements-panel'),
      style: '--od-announcements-height: 40rem',
    },
    {
      name: 'activity-feed, a partner height of 600px',
      tag: 'activity-feed',
      data: () => many('activity-feed'),
      style: '--od-activity-feed-max-height: 600px',
    },
    { name: 'activity-log', tag: 'activity-log', data: () => many('activity-feed') },
    {
      name: 'activity-log, a partner height of 900px',
      tag: 'activity-log',
      data: () => many('activity-feed'),
      style: '--od-activity-log-height: 900px',
    },
  ];
  for (const test of cases) {
    it(`${test.name}: no scroll area taller than the viewport, nothing scrolls sideways`, async () => {
      const el = await mount(test.tag, test.data(), test.style);
      expect(twoDimensionalScrolling(el)).to.deep.equal([]);
    });
  }

  it('org-dashboard: no scroll area taller than the viewport, nothing scrolls sideways', async () => {
    const el = document.createElement('org-dashboard') as HTMLElement & { adapter: unknown };
    el.setAttribute('org-id', 'o1');
    el.setAttribute('time-zone', 'UTC');
    el.dataset.zoom = '';
    el.adapter = createMemoryAdapter(dataset('o1'));
    document.body.append(el);
    const cards = () => [...el.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')];
    await until(
      () => cards().length === 6 && cards().every((card) => card.state !== 'loading'),
      'cards settled',
    );
    await Promise.all(cards().map((card) => card.updateComplete));
    await frame();
    // deepElements goes into every card's shadow root.
    expect(twoDimensionalScrolling(el)).to.deep.equal([]);
  });

  it('the scroll areas still fill most of the viewport: a few entries show at once', async () => {
    const panel = await mount('announcements-panel', many('announcements-panel'));
    const log = await mount('activity-log', many('activity-feed'));
    for (const area of [panel, log].map((el) =>
      el.shadowRoot!.querySelector('[part~="body"], [part~="list"]')!,
    ))
      expect(area.getBoundingClientRect().height).to.be.at.least(ZOOMED.height * 0.75);
  });

  it('`--od-announcements-height: auto` still grows with its announcements, with no scroll area', async () => {
    const panel = await mount(
      'announcements-panel',
      many('announcements-panel'),
      '--od-announcements-height: auto',
    );
    const body = panel.shadowRoot!.querySelector<HTMLElement>('[part~="body"]')!;
    expect(body.scrollHeight).to.be.at.most(body.clientHeight + 1);
    expect(body.getBoundingClientRect().height).to.be.greaterThan(ZOOMED.height);
  });

  it('a feed with no height token does not become a scroll area', async () => {
    const feed = await mount('activity-feed', many('activity-feed').slice(0, 5));
    const list = feed.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
    expect(list.scrollHeight).to.be.at.most(list.clientHeight + 1);
  });

  it('on a desktop screen the heights are the tokens’ (defaults and a partner’s)', async () => {
    await setViewport(DESKTOP);
    const panel = await mount('announcements-panel', many('announcements-panel'));
    const log = await mount('activity-log', many('activity-feed'));
    const feed = await mount('activity-feed', many('activity-feed'), '--od-activity-feed-max-height: 200px');
    const height = (el: Element, selector: string) =>
      el.shadowRoot!.querySelector(selector)!.getBoundingClientRect().height;
    // 22rem of the document's 16 px, less the 3 px margin of room for focus rings on either side.
    expect(height(panel, '[part~="body"]')).to.be.closeTo(22 * 16, 1);
    expect(height(log, '[part~="list"]')).to.be.closeTo(480, 1);
    expect(height(feed, '[part~="list"]')).to.be.closeTo(200, 1);
  });

  it('loading at 400% zoom: the log’s placeholder has the size of the list that follows it', async () => {
    for (const tag of ['activity-log']) {
      const data = dataset('o1');
      data.o1.announcements = many('announcements-panel') as never;
      const adapter = createMemoryAdapter(data);
      adapter.hold();
      const el = document.createElement(tag) as Card & { adapter: unknown };
      el.setAttribute('org-id', 'o1');
      el.setAttribute('time-zone', 'UTC');
      el.dataset.zoom = '';
      el.adapter = adapter;
      document.body.append(el);
      await until(() => el.state === 'loading', `${tag} loading`);
      await el.updateComplete;
      await frame();
      const loading = el.getBoundingClientRect().height;
      adapter.release();
      await until(() => el.state === 'ready', `${tag} ready (is ${el.state})`);
      await el.updateComplete;
      await frame();
      expect(el.getBoundingClientRect().height, tag).to.be.closeTo(loading, 1);
      expect(twoDimensionalScrolling(el), tag).to.deep.equal([]);
    }
  });
});
