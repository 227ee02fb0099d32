/**
 * A host page's inherited text styles do not reach the elements: every card, `<activity-log>`,
 * `<org-dashboard>` and the plan card's purchase dialog are photographed once in a clean page and
 * once inside a hostile host (the Svelte starter's `#app { text-align: center }` and every other
 * inherited text property set to something loud), and the two pictures must be identical, pixel for
 * pixel. Both are taken in the same run and browser, so no stored baseline is needed and Firefox runs
 * it too.
 * The shots and their comparison, with no tolerance: ./screenshots.ts.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardCard } from '../../src/base/dashboard-card.js';
import type { ResourceKey } from '../../src/store/resources.js';
import { IN_FIREFOX } from '../helpers/browsers.js';
import { dataset, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';
import { CARDS, emulate, freezeClock } from '../theming/cards.js';
import { difference, pixels, shot } from './screenshots.js';

const FONTS = "--od-font-family: 'DejaVu Sans'; --od-font-family-mono: 'DejaVu Sans Mono'";

/**
 * Every inherited property a host page plausibly sets on a wrapper, loud enough to show. The token
 * covered ones (color, font family and size) are here too: the card sets them, so they must not
 * show either. Left out: what the elements take from the host on purpose (`direction`, `cursor`,
 * `visibility`...: see src/base/host-reset.styles.ts), and `text-decoration`, which is not inherited
 * but propagates into every in-flow descendant and cannot be undone inside: a host's underline
 * does reach the cards' text (though not the dialog, in the top layer).
 */
const HOSTILE = `
  color: #c00;
  font-family: serif;
  font-size: 22px;
  font-style: italic;
  font-weight: 700;
  font-variant: small-caps;
  font-stretch: condensed;
  font-feature-settings: 'smcp' 1;
  font-kerning: none;
  text-align: center;
  text-align-last: right;
  text-indent: 40px;
  text-transform: uppercase;
  text-shadow: 2px 2px 0 #0a0;
  text-emphasis: filled circle #00c;
  text-rendering: optimizeSpeed;
  line-height: 3;
  letter-spacing: 0.3em;
  word-spacing: 1em;
  white-space: pre;
  text-wrap-style: balance;
  word-break: break-all;
  overflow-wrap: anywhere;
  hyphens: auto;
  tab-size: 30;
  list-style: square inside;
  caption-side: bottom;
  border-collapse: collapse;
  border-spacing: 9px;
  quotes: '<<' '>>';
  caret-color: #0c0;
  accent-color: #c0c;
  -webkit-text-fill-color: #f80;
  -webkit-text-stroke: 1px #00f;
  paint-order: stroke;
  font-size-adjust: 0.7;
  font-synthesis: none;
  line-break: anywhere;
  empty-cells: hide;
  text-underline-offset: 6px;
  text-underline-position: under;
  text-decoration-skip-ink: none;
`;

/**
 * Renders `element` in a fixed-width frame (tokens and background only), inside `host`: the page
 * body, or a hostile wrapper. No text nodes around the element: a host's `white-space: pre` would
 * show them, which is the host's own layout, not a leak.
 */
function mount(element: HTMLElement, width: number, hostile: boolean): HTMLElement {
  const frame = document.createElement('div');
  frame.setAttribute('style', `inline-size: ${width}px; padding: 8px; ${FONTS}; background: #fff`);
  frame.append(element);
  const host = document.createElement('div');
  host.id = 'app';
  if (hostile) host.setAttribute('style', HOSTILE);
  host.append(frame);
  document.body.append(host);
  return frame;
}

interface Case {
  name: string;
  width: number;
  /** A new element, not yet connected. */
  create: () => HTMLElement;
  /** Resolves when the element is ready; returns what to photograph (the frame by default). */
  ready: (element: HTMLElement, frame: HTMLElement) => Promise<Element>;
}

type Card = DashboardCard<ResourceKey>;
const isReady = async (el: Card) => {
  await until(() => el.state === 'ready', `${el.localName} ready (is ${el.state})`);
  await el.updateComplete;
};

function controlled(tag: string, data: unknown): HTMLElement {
  const el = document.createElement(tag) as Card;
  el.setAttribute('locale', 'en-US');
  el.setAttribute('time-zone', 'UTC');
  el.data = data as never;
  return el;
}

const CASES: Case[] = [
  ...CARDS.map((card): Case => ({
    name: card.tag,
    width: 360,
    create: () => controlled(card.tag, card.data),
    ready: async (el, frame) => (await isReady(el as Card), frame),
  })),
  {
    name: 'activity-log',
    width: 560,
    create: () => {
      const el = controlled('activity-log', CARDS.find((c) => c.tag === 'activity-feed')!.data);
      el.style.setProperty('--od-activity-log-height', '240px');
      return el;
    },
    ready: async (el, frame) => {
      await isReady(el as Card);
      // The virtualized list renders its rows a while after the card is ready (its layout loads
      // on first use): all four entries.
      const entries = () => el.shadowRoot!.querySelectorAll('[part~="entry"]').length;
      await until(() => entries() === 4, `the log's 4 entries (has ${entries()})`);
      return frame;
    },
  },
  {
    name: 'org-dashboard',
    width: 760,
    create: () => {
      const el = document.createElement('org-dashboard') as HTMLElement & { adapter: unknown };
      el.setAttribute('org-id', 'o1');
      el.setAttribute('locale', 'en-US');
      el.setAttribute('time-zone', 'UTC');
      el.adapter = createMemoryAdapter(dataset('o1'));
      return el;
    },
    ready: async (el, frame) => {
      const cards = () => [...el.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')];
      await until(
        () => cards().length > 0 && cards().every((card) => card.state !== 'loading'),
        'every card to load',
      );
      await Promise.all(cards().map((card) => card.updateComplete));
      return frame;
    },
  },
  {
    name: 'purchase-dialog',
    width: 360,
    create: () => {
      const data = dataset('o1');
      data.o1.plan.creditPacks = [
        { amountMinor: 10_000, currency: 'USD' },
        { amountMinor: 50_000, currency: 'USD' },
      ];
      const el = document.createElement('plan-card') as HTMLElement & { adapter: unknown };
      el.setAttribute('org-id', 'o1');
      el.setAttribute('locale', 'en-US');
      el.setAttribute('time-zone', 'UTC');
      el.adapter = createMemoryAdapter(data);
      return el;
    },
    ready: async (el) => {
      const card = el as Card;
      await isReady(card);
      const part = (name: string) => card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
      part('add-credits')!.click();
      // The dialog's code may load on first use.
      const dialog = () => part('purchase-dialog') as HTMLDialogElement | null;
      await until(() => dialog()?.open === true, 'the purchase dialog open');
      await card.updateComplete;
      return dialog()!;
    },
  },
];

describe('host page styles do not leak into the elements', () => {
  let restoreClock: (() => void) | undefined;
  before(async () => {
    // Announcements dismissed by other tests are remembered there.
    localStorage.clear();
    restoreClock = freezeClock();
    await emulate({ colorScheme: 'light', reducedMotion: 'reduce' });
  });
  after(async () => {
    restoreClock?.();
    await emulate();
  });
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => document.querySelectorAll('#app').forEach((host) => host.remove()));

  const browser = IN_FIREFOX ? 'firefox' : 'chromium';
  for (const test of CASES) {
    it(`${test.name} looks the same inside a hostile host`, async () => {
      const pictures: string[] = [];
      for (const hostile of [false, true]) {
        localStorage.clear();
        const element = test.create();
        const frame = mount(element, test.width, hostile);
        const target = await test.ready(element, frame);
        const kind = hostile ? 'hostile' : 'clean';
        pictures.push(await shot(target, `host-styles/${test.name}-${kind}-${browser}`));
        frame.parentElement!.remove();
      }
      expect(await difference(pictures[0], pictures[1])).to.equal('identical');
    });
  }

  it('the shots are the plugin’s screenshots of the element', async () => {
    // Guards the comparison above against comparing two empty pictures.
    const element = controlled('org-info-card', CARDS[0].data);
    const frame = mount(element, 360, false);
    await isReady(element as Card);
    const { width, height } = await pixels(await shot(frame, `host-styles/self-${browser}`));
    const box = frame.getBoundingClientRect();
    expect([width, height]).to.deep.equal([Math.round(box.width), Math.round(box.height)]);
  });
});
