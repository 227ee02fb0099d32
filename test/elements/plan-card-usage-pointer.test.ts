/**
 * The plan card's usage chart under a pointer (WCAG 2.2, 2.5.8 Target Size): thirty days in a card
 * make columns of about 10 px, too narrow to aim at one by one. The chart is one target instead, as
 * wide as the card and 48 px tall: wherever the pointer is over it (a bar, the space between, a day
 * with no data), the day under the pointer's column, else the nearest day with data, is the one
 * written out and highlighted, so sliding along the chart (or dragging a finger) reads every day.
 * Right to left, the days run from the right. Pointer events at points measured in the browser's
 * layout, sent to whatever the browser finds at that point (elementFromPoint), as a real pointer's.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../../src/define/plan-card.js';
import type { CreditUsage, PlanSummary } from '../../src/contract/types.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
/** One entry a day up to 2026-12-01, oldest first. */
function usageOf(amounts: number[]): CreditUsage[] {
  return amounts.map((amountMinor, i) => ({
    date: new Date(Date.UTC(2026, 11, 1 - (amounts.length - 1 - i))).toISOString().slice(0, 10),
    credits: usd(amountMinor),
  }));
}
const plan = (usage: CreditUsage[]): PlanSummary => ({
  name: 'Premium',
  availableCredits: usd(500_000),
  usage,
});

async function card(usage: CreditUsage[], dir = 'ltr', width = 320): Promise<PlanCard> {
  const wrapper = await fixture<HTMLElement>(html`
    <div dir=${dir} style="inline-size: ${width}px">
      <plan-card locale="en-US" time-zone="UTC" .data=${plan(usage)}></plan-card>
    </div>
  `);
  const el = wrapper.querySelector('plan-card')!;
  await elementUpdated(el);
  return el;
}

const chart = (el: PlanCard) => el.shadowRoot!.querySelector<SVGSVGElement>('[part~="chart"]')!;
const value = (el: PlanCard) => el.shadowRoot!.querySelector('[part~="chart-value"]')!.textContent!.trim();
const days = (el: PlanCard) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('.day')];
/** The places of the days highlighted as pointed at. */
const pointed = (el: PlanCard) =>
  days(el).flatMap((day, i) => (day.classList.contains('pointed') ? [i] : []));

/** A pointer event of `type` at a point, on what the browser's hit testing finds there. */
function pointer(el: PlanCard, type: string, x: number, y: number): void {
  const target = el.shadowRoot!.elementFromPoint(x, y) ?? document.elementFromPoint(x, y)!;
  target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true }));
}

/** Moves the pointer to `fraction` of the chart's width from its left edge, at `height` of its height. */
async function pointAt(el: PlanCard, fraction: number, height = 0.5): Promise<void> {
  const box = chart(el).getBoundingClientRect();
  pointer(el, 'pointermove', box.left + box.width * fraction, box.top + box.height * height);
  await elementUpdated(el);
}

describe('<plan-card> usage chart under a pointer', () => {
  it('is one pointer target of at least 24 × 24 px: no day is a column of its own to aim at', async () => {
    const el = await card(usageOf(Array.from({ length: 30 }, (_, i) => 100 + i)));
    const box = chart(el).getBoundingClientRect();
    expect(box.width / 30).to.be.below(24); // what makes a column per day too small
    expect(box.width).to.be.at.least(24);
    expect(box.height).to.be.at.least(24);
    // What the pointer hits, anywhere over the chart, is the chart itself (misses as text: a failure
    // message holding DOM nodes stalls the test runner's reporting).
    const misses: string[] = [];
    for (let x = 1; x < box.width; x += 4)
      for (const y of [2, box.height / 2, box.height - 2]) {
        const hit = el.shadowRoot!.elementFromPoint(box.left + x, box.top + y);
        if (hit !== chart(el)) misses.push(`${hit?.localName}.${hit?.getAttribute('class')} at ${x}, ${y}`);
      }
    expect(misses.slice(0, 3)).to.deep.equal([]);
  });

  it('every day is read by moving along the chart: the one under the pointer is written out and highlighted', async () => {
    const el = await card(usageOf(Array.from({ length: 30 }, (_, i) => 100 + i)));
    const all = days(el);
    for (let i = 0; i < 30; i++) {
      // Near the top, over the empty part of the column, not the bar.
      await pointAt(el, (i + 0.5) / 30, 0.1);
      expect(value(el), `day ${i}`).to.equal(all[i].getAttribute('aria-label'));
      expect(pointed(el), `day ${i}`).to.deep.equal([i]);
    }
    // Leaving the chart takes the highlight away; the last day read stays written out.
    el.shadowRoot!.querySelector('[part~="usage"]')!.dispatchEvent(new PointerEvent('pointerleave'));
    await elementUpdated(el);
    expect(pointed(el)).to.deep.equal([]);
    expect(value(el)).to.equal(all[29].getAttribute('aria-label'));
  });

  it('over a day with no data, the nearest day with data is read', async () => {
    // Three days: Nov 27, 28 and Dec 1 (slots 25, 26 and 29); Nov 29 and 30 are gaps.
    const usage = usageOf([100, 200, 300, 400, 500]).filter(
      (d) => !['2026-11-29', '2026-11-30'].includes(d.date),
    );
    const el = await card(usage);
    await pointAt(el, 0.05);
    expect(value(el)).to.equal('Nov 27, 2026: $1.00');
    await pointAt(el, 27.5 / 30);
    expect(value(el)).to.equal('Nov 28, 2026: $2.00');
    await pointAt(el, 28.5 / 30);
    expect(value(el)).to.equal('Dec 1, 2026: $5.00');
  });

  it('right to left, the oldest day is at the right', async () => {
    const el = await card(usageOf(Array.from({ length: 30 }, (_, i) => 100 + i)), 'rtl');
    const all = days(el);
    await pointAt(el, 0.99);
    expect(value(el)).to.equal(all[0].getAttribute('aria-label'));
    await pointAt(el, 0.01);
    expect(value(el)).to.equal(all[29].getAttribute('aria-label'));
    await pointAt(el, 1 - 10.5 / 30);
    expect(value(el)).to.equal(all[10].getAttribute('aria-label'));
  });

  it('a finger dragged sideways over the chart reads the days instead of scrolling', async () => {
    const el = await card(usageOf([100, 200, 300]));
    expect(getComputedStyle(chart(el)).touchAction).to.equal('pan-y');
    // A tap reads the day under it too.
    const box = chart(el).getBoundingClientRect();
    pointer(el, 'pointerdown', box.right - 1, box.top + 2);
    await elementUpdated(el);
    expect(value(el)).to.equal('Dec 1, 2026: $3.00');
    pointer(el, 'pointerdown', box.left + box.width * (27.5 / 30), box.top + 2);
    await elementUpdated(el);
    expect(value(el)).to.equal('Nov 29, 2026: $1.00');
  });
});
