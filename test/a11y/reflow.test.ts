/**
 * Reflow (WCAG 2.2, 1.4.10), text spacing (1.4.12) and text resize (1.4.4): every card,
 * `<activity-log>` and `<org-dashboard>`, in every shipped language, on a screen 320 CSS px wide,
 * with and without the text-spacing settings applied inside the shadow roots, and 640 px wide with
 * the reader's text size at 200%, shows everything with no horizontal scrolling, nothing clipped
 * and no word broken inside.
 *
 * What fails, found from the browser's own layout:
 * - the page scrolls sideways, or a visible box reaches past the screen's edges;
 * - a box that hides its overflow (or scrolls sideways) has content wider than itself, or one that
 *   hides its vertical overflow has content taller than itself: text cut off, ellipses included;
 * - a word of a language written with spaces is laid out on more than one line (the legend's
 *   "Sonstige" one letter per line, "Angehalten" broken mid-word); after a hyphen is no break inside. Chinese, Japanese and Korean
 *   break between characters by their own rules, so only the first two checks apply to them;
 * - two texts drawn over one another.
 * Left out: what is not shown (`display: none`, hidden, transparent) and the visually hidden texts
 * for screen readers (a 1 px box clipping its text on purpose).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardCard } from '../../src/base/dashboard-card.js';
import { availableLocales } from '../../src/i18n/catalogs.js';
import type { ResourceKey } from '../../src/store/resources.js';
import { dataset, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';
import { CARDS, deepElements, freezeClock } from '../theming/cards.js';

/** A phone's width at 100% text (1.4.10), and a narrow laptop column at 200% text (1.4.4). */
const VIEWS = [
  { width: 320, text: 1, spacing: false },
  { width: 320, text: 1, spacing: true },
  { width: 640, text: 2, spacing: false },
];

/** WCAG 1.4.12's settings, as a reader's style sheet applies them: to every element, over the author's. */
const TEXT_SPACING = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-block-end: 2em !important; }
`;

type Card = DashboardCard<ResourceKey>;

interface Case {
  name: string;
  create: (locale: string) => HTMLElement;
  ready: (element: HTMLElement) => Promise<void>;
}

const isReady = async (el: Card) => {
  await until(() => el.state === 'ready', `${el.localName} ready (is ${el.state})`);
  await el.updateComplete;
};

function controlled(tag: string, data: unknown, locale: string): HTMLElement {
  const el = document.createElement(tag) as Card;
  el.setAttribute('locale', locale);
  el.setAttribute('time-zone', 'UTC');
  el.data = data as never;
  return el;
}

const CASES: Case[] = [
  ...CARDS.map((card): Case => ({
    name: card.tag,
    create: (locale) => controlled(card.tag, card.data, locale),
    ready: (el) => isReady(el as Card),
  })),
  {
    name: 'activity-log',
    create: (locale) => {
      const el = controlled('activity-log', CARDS.find((c) => c.tag === 'activity-feed')!.data, locale);
      el.style.setProperty('--od-activity-log-height', '480px');
      return el;
    },
    ready: async (el) => {
      await isReady(el as Card);
      const entries = () => el.shadowRoot!.querySelectorAll('[part~="entry"]').length;
      await until(() => entries() === 4, `the log's 4 entries (has ${entries()})`);
    },
  },
  dashboardCase(
    'org-dashboard',
    () => createMemoryAdapter(dataset('o1')),
    (state) => state !== 'loading',
  ),
  // Every card's error state: an answer that is not retried, so the cards show it at once.
  dashboardCase(
    'org-dashboard, every card failing',
    () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      adapter.failNext('*', 'invalid-data', 1000);
      return adapter;
    },
    (state) => state === 'error',
  ),
  dashboardCase(
    'org-dashboard, no access',
    () => {
      const data = dataset('o1');
      data.o1.access = { permissions: [], role: 'viewer' };
      return createMemoryAdapter(data);
    },
    (state) => state !== 'loading',
  ),
  {
    name: 'purchase dialog',
    create: (locale) => {
      const data = dataset('o1');
      data.o1.plan.creditPacks = [
        { amountMinor: 10_000, currency: 'USD' },
        { amountMinor: 50_000, currency: 'USD' },
      ];
      const el = document.createElement('plan-card') as HTMLElement & { adapter: unknown };
      el.setAttribute('org-id', 'o1');
      el.setAttribute('locale', locale);
      el.setAttribute('time-zone', 'UTC');
      el.adapter = createMemoryAdapter(data);
      return el;
    },
    ready: async (el) => {
      const card = el as Card;
      await isReady(card);
      const part = (name: string) => card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
      part('add-credits')!.click();
      const dialog = () => part('purchase-dialog') as HTMLDialogElement | null;
      await until(() => dialog()?.open === true, 'the purchase dialog open');
      await card.updateComplete;
    },
  },
];

/** `<org-dashboard>` on `adapter()`, ready once every card's state passes `settled`. */
function dashboardCase(name: string, adapter: () => unknown, settled: (state: string) => boolean): Case {
  return {
    name,
    create: (locale) => {
      const el = document.createElement('org-dashboard') as HTMLElement & { adapter: unknown };
      el.setAttribute('org-id', 'o1');
      el.setAttribute('locale', locale);
      el.setAttribute('time-zone', 'UTC');
      el.adapter = adapter();
      return el;
    },
    ready: async (el) => {
      const cards = () => [...el.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')];
      await until(
        () => cards().length > 0 && cards().every((card) => settled(card.state)),
        `every card settled (${cards()
          .map((card) => card.state)
          .join(', ')})`,
      );
      await Promise.all(cards().map((card) => card.updateComplete));
    },
  };
}

/** Adds the text-spacing sheet to the document and to every shadow root under `element`. */
function applyTextSpacing(element: HTMLElement): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  for (const el of [element, ...deepElements(element.shadowRoot ?? element)])
    if (el.shadowRoot) el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
}

function removeTextSpacing(): void {
  document.adoptedStyleSheets = [];
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** What a problem names: the element's part, else its tag and class, and some of its text. */
function label(el: Element): string {
  const name = el.getAttribute('part') ?? `${el.localName}${el.className ? `.${String(el.className)}` : ''}`;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `${name}${text ? ` "${text}"` : ''}`;
}

const shown = (el: Element) =>
  el.getClientRects().length > 0 &&
  el.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions);

/** A visually hidden text for screen readers: in a box of at most 1 px that clips its content. */
function visuallyHidden(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const box = at.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1 && (at === el || getComputedStyle(at).overflow !== 'visible'))
      return true;
  }
  return false;
}

/** Languages that break lines between characters, not at spaces. */
const breaksBetweenCharacters = (locale: string) => /^(ja|zh|ko)\b/.test(locale);

function brokenWords(root: ShadowRoot): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !shown(parent) || visuallyHidden(parent)) continue;
    // A compound may break after its hyphen, as typesetting does ("ml-" then "training").
    for (const word of (node.textContent ?? '').matchAll(/[^\s\u002d\u2010\u2013\u2014]{2,}/g)) {
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set(
        [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)),
      );
      if (lines.size > 1)
        found.push(`word broken over ${lines.size} lines: "${word[0]}" in ${label(parent)}`);
    }
  }
  return found;
}

/** Each shown text's line boxes, under the shadow roots of `roots`. */
function textLines(roots: Element[]): { rect: DOMRect; text: string; parent: Element }[] {
  const lines: { rect: DOMRect; text: string; parent: Element }[] = [];
  const range = document.createRange();
  for (const el of roots) {
    if (!el.shadowRoot) continue;
    const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent!.trim();
      if (!text || !(parent instanceof HTMLElement) || !shown(parent) || visuallyHidden(parent)) continue;
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        if (rect.width > 1 && rect.height > 1) lines.push({ rect, text, parent });
    }
  }
  return lines;
}

/**
 * Texts drawn over one another (1.4.12's "overlapped"): two lines of different texts sharing more
 * than a quarter of the shorter one's height and 2 px of width (neighbouring lines touch at most,
 * whatever the line height).
 */
function overlappingTexts(roots: Element[]): string[] {
  const lines = textLines(roots);
  const found: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    for (let j = i + 1; j < lines.length; j += 1) {
      const [a, b] = [lines[i], lines[j]];
      // A modal dialog is drawn over the page (the top layer), which it makes inert: not an overlap.
      if (a.parent.closest('dialog[open]') !== b.parent.closest('dialog[open]')) continue;
      if (a.parent === b.parent && a.text === b.text) continue;
      const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (width > 2 && height > Math.min(a.rect.height, b.rect.height) / 4)
        found.push(`"${a.text.slice(0, 30)}" overlaps "${b.text.slice(0, 30)}" in ${label(b.parent)}`);
    }
  }
  return found;
}

/** Every reflow problem of `element`, as sentences (none: it reflows). */
function reflowProblems(element: HTMLElement, locale: string, screen: number): string[] {
  const problems: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth)
    problems.push(`the page scrolls sideways: ${page.scrollWidth} px of content in ${page.clientWidth}`);
  const roots = [element, ...deepElements(element.shadowRoot!)];
  for (const el of roots) {
    if (!shown(el) || visuallyHidden(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.right > screen + 0.5 || box.left < -0.5)
      problems.push(
        `reaches past the screen (${Math.round(box.left)} to ${Math.round(box.right)} px): ${label(el)}`,
      );
    if (!(el instanceof HTMLElement)) continue;
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
      problems.push(`cut off or scrolls sideways (${el.scrollWidth} px in ${el.clientWidth}): ${label(el)}`);
    if (/hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
      problems.push(`cut off below (${el.scrollHeight} px in ${el.clientHeight}): ${label(el)}`);
  }
  if (!breaksBetweenCharacters(locale))
    for (const el of roots) if (el.shadowRoot) problems.push(...brokenWords(el.shadowRoot));
  problems.push(...overlappingTexts(roots));
  return problems;
}

describe('reflow at 320 CSS px, text spacing and 200% text, in every shipped language', () => {
  let restoreClock: (() => void) | undefined;
  before(() => {
    localStorage.clear();
    restoreClock = freezeClock();
    document.body.style.margin = '0';
  });
  after(async () => {
    restoreClock?.();
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => {
    removeTextSpacing();
    document.documentElement.style.fontSize = '';
    document.querySelectorAll('[data-reflow]').forEach((el) => el.remove());
  });

  for (const view of VIEWS) {
    const named = `${view.width} px${view.spacing ? ', text spacing' : ''}${view.text > 1 ? `, ${view.text * 100}% text` : ''}`;
    describe(named, () => {
      before(() => setViewport({ width: view.width, height: 800 }));
      for (const locale of availableLocales()) {
        for (const test of CASES) {
          it(`${test.name} in ${locale}`, async () => {
            localStorage.clear();
            // What a reader's text size setting changes: the root's font size, which rem follows.
            if (view.text > 1) document.documentElement.style.fontSize = `${view.text * 100}%`;
            const element = test.create(locale);
            element.dataset.reflow = '';
            document.body.append(element);
            await test.ready(element);
            if (view.spacing) applyTextSpacing(element);
            await frame();
            await frame();
            expect(reflowProblems(element, locale, view.width)).to.deep.equal([]);
            // The cards' text follows the reader's size: 14 px at 100% (the default 0.875rem).
            const boxes = deepElements(element.shadowRoot!).filter((el) => el.matches('[part~="card"]'));
            const sizes = new Set(boxes.map((box) => getComputedStyle(box).fontSize));
            expect([...sizes]).to.deep.equal([`${14 * view.text}px`]);
          });
        }
      }
    });
  }
});
