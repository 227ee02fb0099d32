/**
 * The styling side of accessibility (WCAG 2.2 AA), in every card, as a user sees it: a visible focus
 * ring on every action reached with the keyboard, in light and dark; targets of at least 24 by 24 px;
 * no animation or transition with `prefers-reduced-motion: reduce`; and every state still readable
 * in forced colors (Windows High Contrast).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { CARDS, contrast, deepElements, emulate, renderCard } from './cards.js';

/** The focused element, inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A system color as the browser computes it (they differ between platforms and modes). */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

const ACTIONABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

/** Whether an element is a scroll container with something to scroll. */
function scrolls(element: Element): boolean {
  const { overflowX, overflowY } = getComputedStyle(element);
  const scrollable = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
  return (
    (scrollable(overflowY) && element.scrollHeight > element.clientHeight) ||
    (scrollable(overflowX) && element.scrollWidth > element.clientWidth)
  );
}

describe('focus ring', () => {
  afterEach(() => emulate());

  for (const scheme of ['light', 'dark'] as const) {
    for (const card of CARDS) {
      it(`<${card.tag}> shows a ring of at least 2px and 3:1 on every action reached by Tab (${scheme})`, async () => {
        await emulate({ colorScheme: scheme });
        const { wrapper, card: el } = await renderCard(card);
        // Something to Tab on to past the last action, so that focus stays in the page: in Firefox
        // focus that leaves the page for the browser's own controls does not come back as keyboard
        // focus (the page has no focus, and nothing in it matches :focus-visible).
        const after = document.createElement('button');
        after.textContent = 'After the card';
        wrapper.after(after);
        const surface = getComputedStyle(el.shadowRoot!.querySelector('[part~="card"]')!).backgroundColor;
        const expected = el.shadowRoot!.querySelectorAll(ACTIONABLE).length;
        const seen: string[] = [];
        const visited = new Set<Element>();
        document.body.focus();
        for (let i = 0; i < 40; i += 1) {
          await sendKeys({ press: 'Tab' });
          const target = deepActiveElement()!;
          // Past the last action focus leaves the card (for the button after it).
          if (document.activeElement !== el || visited.has(target)) break;
          visited.add(target);
          const style = getComputedStyle(target);
          const name = target.getAttribute('part') ?? target.localName;
          // Firefox also stops on a region that scrolls (so the keyboard can scroll it), Chromium not
          // when it holds focusable elements: such a stop needs the ring too, but is not an action.
          if (target.matches(ACTIONABLE) || !scrolls(target)) seen.push(name);
          expect(target.matches(':focus-visible'), name).to.equal(true);
          expect(style.outlineStyle, name).to.not.equal('none');
          expect(parseFloat(style.outlineWidth), name).to.be.at.least(2);
          expect(contrast(style.outlineColor, surface), `${name} ring contrast`).to.be.at.least(3);
        }
        expect(seen.length, `focus stops (${seen.join(', ')})`).to.equal(expected);
      });
    }
  }
});

describe('target size', () => {
  // Japanese too: one- or two-character labels (詳細, "Learn more") make the narrowest targets.
  for (const [card, locale] of CARDS.flatMap((c) => [[c, 'en-US'] as const, [c, 'ja'] as const])) {
    it(`<${card.tag}> gives every action a target of at least 24 by 24 px (${locale})`, async () => {
      const { card: el } = await renderCard(card, { locale });
      const small = [...el.shadowRoot!.querySelectorAll(ACTIONABLE)]
        .map((node) => ({ node, box: node.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ node, box }) => `${node.getAttribute('part') ?? node.localName}: ${box.width}x${box.height}`);
      expect(small).to.deep.equal([]);
    });
  }
});

describe('reduced motion', () => {
  afterEach(() => emulate());

  async function loadingCard(tag: string): Promise<Element> {
    // No data and no adapter: the card shows its loading skeleton.
    const el = document.createElement(tag);
    await fixture(html`<div style="inline-size: 360px">${el}</div>`);
    return el;
  }

  const moving = (root: ParentNode) =>
    deepElements(root)
      .filter((node) => {
        const style = getComputedStyle(node);
        const transition = style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        return style.animationName !== 'none' || transition;
      })
      .map((node) => node.getAttribute('part') ?? node.getAttribute('class') ?? node.localName);

  it('the loading skeletons pulse when motion is welcome', async () => {
    await emulate();
    const el = await loadingCard('billing-card');
    expect(moving(el.shadowRoot!).length).to.be.greaterThan(0);
  });

  for (const card of CARDS) {
    it(`<${card.tag}> neither animates nor transitions with prefers-reduced-motion: reduce`, async () => {
      await emulate({ reducedMotion: 'reduce' });
      const loading = await loadingCard(card.tag);
      expect(moving(loading.shadowRoot!), 'loading').to.deep.equal([]);
      const { card: ready } = await renderCard(card);
      expect(moving(ready.shadowRoot!), 'ready').to.deep.equal([]);
    });
  }
});

describe('forced colors', () => {
  before(() => emulate({ forcedColors: 'active' }));
  after(() => emulate());

  for (const card of CARDS) {
    it(`<${card.tag}> keeps its box, its actions' edges and its focus ring`, async () => {
      const { card: el } = await renderCard(card);
      // A key press first: focus() after pointer input would not show the ring (:focus-visible).
      await sendKeys({ press: 'Shift' });
      const root = el.shadowRoot!;
      const box = getComputedStyle(root.querySelector('[part~="card"]')!);
      expect(box.borderTopStyle).to.equal('solid');
      expect(box.borderTopColor).to.equal(systemColor('CanvasText'));
      for (const action of root.querySelectorAll('[part~="action"]')) {
        const style = getComputedStyle(action);
        const name = action.getAttribute('part')!;
        // A button keeps a visible edge; a link keeps its link color.
        if (action.localName === 'button') {
          expect(style.borderTopStyle, name).to.not.equal('none');
          expect(style.borderTopColor, name).to.not.equal('rgba(0, 0, 0, 0)');
        }
        (action as HTMLElement).focus();
        expect(getComputedStyle(action).outlineStyle, `${name} focused`).to.not.equal('none');
      }
    });
  }

  it('the loading skeleton stays visible', async () => {
    const el = document.createElement('plan-card');
    await fixture(html`<div>${el}</div>`);
    const skeleton = el.shadowRoot!.querySelector('.skeleton')!;
    expect(getComputedStyle(skeleton).backgroundColor).to.not.equal(systemColor('Canvas'));
  });

  it('the pressed "Show dismissed" toggle looks different from the released one', async () => {
    const panel = CARDS.find((c) => c.tag === 'announcements-panel')!;
    const { card } = await renderCard(panel);
    const el = card as AnnouncementsPanel;
    const toggle = el.shadowRoot!.querySelector<HTMLElement>('[part~="show-dismissed"]');
    if (!toggle) {
      // Shown only once something is dismissed: dismiss one.
      el.shadowRoot!.querySelector<HTMLElement>('[part~="dismiss"]')!.click();
      await el.updateComplete;
    }
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part~="show-dismissed"]')!;
    const look = () => {
      const s = getComputedStyle(button);
      return `${s.backgroundColor} ${s.color} ${s.borderTopWidth} ${s.outlineStyle}`;
    };
    button.blur();
    const released = look();
    button.click();
    await el.updateComplete;
    button.blur();
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(look()).to.not.equal(released);
    // Dismissals are remembered in localStorage: forget this one.
    localStorage.clear();
  });
});
