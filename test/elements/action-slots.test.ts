/**
 * The `actions` slot (DESIGN.md, "White-labeling": slots replace headings, actions, empty and error
 * content): a host's own control takes the place of the card's quick action, which is then not
 * rendered; without one the card's own action shows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/activity-feed.js';
import '../../src/define/billing-card.js';
import '../../src/define/plan-card.js';
import { dataset } from '../helpers/data.js';

const org = dataset('o1').o1;
const CARDS = [
  { tag: 'billing-card', part: 'view-invoices', data: org.billing },
  { tag: 'plan-card', part: 'manage-subscription', data: org.plan },
  { tag: 'activity-feed', part: 'show-more', data: org.activities },
];

/** Whether `element` takes up room on the page (fallback content of a filled slot does not). */
const shown = (element: Element | null | undefined) => !!element && element.getClientRects().length > 0;

describe('the actions slot', () => {
  for (const { tag, part, data } of CARDS) {
    it(`<${tag}>: a host's control replaces the card's own action`, async () => {
      const card = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
        html`<div>${Object.assign(document.createElement(tag), { data })}</div>`,
      ).then((wrapper) => wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> });
      await card.updateComplete;
      const own = () => card.shadowRoot!.querySelector(`[part~="${part}"]`);
      expect(shown(own()), 'the card’s own action without a replacement').to.equal(true);

      const mine = Object.assign(document.createElement('button'), { slot: 'actions', textContent: 'Mine' });
      card.append(mine);
      await card.updateComplete;
      expect(shown(mine), 'the host’s control').to.equal(true);
      expect(shown(own()), 'the card’s own action').to.equal(false);
      await expect(card).to.be.accessible();

      mine.remove();
      await card.updateComplete;
      expect(shown(own())).to.equal(true);
    });
  }
});
