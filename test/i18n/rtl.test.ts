import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BillingSummary, WorkspaceStats } from '../../src/contract/types.js';
import { availableLocales } from '../../src/i18n/catalogs.js';
import { localeDirection } from '../../src/i18n/direction.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import type { WorkspaceStatsCard } from '../../src/elements/workspace-stats-card/workspace-stats-card.js';

const billing: BillingSummary = {
  currentMonthTotal: { amountMinor: 130000, currency: 'USD' },
  lastMonthTotal: { amountMinor: 100000, currency: 'USD' },
  nextInvoiceDate: '2026-12-01',
  history: [
    { month: '2026-08', total: { amountMinor: 90000, currency: 'USD' } },
    { month: '2026-09', total: { amountMinor: 100000, currency: 'USD' } },
    { month: '2026-10', total: { amountMinor: 130000, currency: 'USD' } },
  ],
};
const stats: WorkspaceStats = { total: 10, active: 6, suspended: 2, others: 2 };

const inner = (card: HTMLElement, selector: string) =>
  card.shadowRoot!.querySelector<HTMLElement | SVGElement>(selector)!;
/** The horizontal scale of an element's transform: -1 when mirrored. */
const scaleX = (element: Element) => new DOMMatrix(getComputedStyle(element).transform).a;

/** The shipped languages written right to left, by the same rule the cards use. */
const RIGHT_TO_LEFT = availableLocales().filter((locale) => localeDirection(locale) === 'rtl');
const TITLES: Record<string, string> = { ar: 'الفوترة', he: 'חיובים' };

describe('right to left', () => {
  it('ships Arabic and Hebrew, two right-to-left scripts', () => {
    expect(RIGHT_TO_LEFT).to.have.members(['ar', 'he']);
  });

  for (const locale of RIGHT_TO_LEFT) {
    it(`reads a card in ${locale} right to left with no \`dir\` from the host`, async () => {
      const card = await fixture<BillingCard>(
        html`<billing-card locale=${locale} .data=${billing}></billing-card>`,
      );
      const box = inner(card, '[part~="card"]');
      expect(box.getAttribute('dir')).to.equal('rtl');
      expect(box.getAttribute('lang')).to.equal(locale);
      expect(getComputedStyle(box).direction).to.equal('rtl');
      expect(inner(card, '[part~="title"]').textContent!.trim()).to.equal(TITLES[locale]);
    });
  }

  it('mirrors layout and the spending chart, but not the up and down arrows', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div style="width: 400px">
        <billing-card locale="en-US" .data=${billing}></billing-card>
        <billing-card dir="rtl" locale="en-US" .data=${billing}></billing-card>
      </div>
    `);
    const [ltr, rtl] = [...wrapper.querySelectorAll<BillingCard>('billing-card')];
    await Promise.all([ltr.updateComplete, rtl.updateComplete]);
    expect(scaleX(inner(ltr, '.spark'))).to.equal(1);
    expect(scaleX(inner(rtl, '.spark'))).to.equal(-1);
    // The trend's arrow points up (more spending) in both directions: it is vertical, never mirrored.
    expect(getComputedStyle(inner(rtl, '[part~="trend"] svg')).transform).to.equal('none');
    // The heading starts at the inline start: the left edge in LTR, the right edge in RTL.
    const edge = (card: BillingCard, side: 'left' | 'right') =>
      Math.abs(
        inner(card, '[part~="title"]').getBoundingClientRect()[side] -
          inner(card, '[part~="header"]').getBoundingClientRect()[side],
      );
    expect(edge(ltr, 'left')).to.be.below(1);
    expect(edge(rtl, 'right')).to.be.below(1);
  });

  it('mirrors the workspaces bar: Active starts at the inline start', async () => {
    const card = await fixture<WorkspaceStatsCard>(
      html`<div dir="rtl" lang="ar"><workspace-stats-card .data=${stats}></workspace-stats-card></div>`,
    ).then((div) => div.querySelector<WorkspaceStatsCard>('workspace-stats-card')!);
    await card.updateComplete;
    const bar = inner(card, '.bar');
    expect(scaleX(bar)).to.equal(-1);
    const segment = inner(card, '.segment.active');
    const active = segment.getBoundingClientRect();
    // Firefox's box of an SVG shape takes in its stroke (the half outside the shape); Chromium's does not.
    const overhang = parseFloat(getComputedStyle(segment).strokeWidth) / 2;
    expect(Math.abs(active.right - bar.getBoundingClientRect().right)).to.be.below(1 + overhang);
  });

  it('lets the host’s explicit dir win over the locale’s', async () => {
    const card = await fixture<BillingCard>(
      html`<billing-card dir="ltr" locale="ar" .data=${billing}></billing-card>`,
    );
    expect(inner(card, '[part~="card"]').getAttribute('dir')).to.equal('ltr');
    expect(scaleX(inner(card, '.spark'))).to.equal(1);
  });
});
