/**
 * A purchase waiting on its checkout page (its redirect came when no dialog showed it) is shown on
 * the card, not only said: a note with the amount and the page's link, on every plan card of the
 * org on the same adapter (one that never loaded its writes, one made again), until the viewer
 * follows the link, a dialog shows it, or another purchase of the org is sent. Until 2026-12-07 only
 * the card's visually hidden status region said so, and a sighted viewer found it by pressing (+).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { planWritesChunk } from '../../src/elements/plan-card/plan-writes-loader.js';
import { until } from '../helpers/data.js';
import {
  buyFirstPack,
  mountPlanCard,
  openPurchaseDialog,
  part,
  purchaseStatusOf,
  watchCheckoutPage,
} from '../helpers/plan-card.js';
import {
  CHECKOUT_URL,
  closeDialog,
  delivered,
  redirecting,
  setManage,
  show,
  WAITING,
} from '../helpers/plan-card-redirect.js';

/** The card's note, as read, and its link: '' without one. */
function note(el: PlanCard): string {
  const shown = part(el, 'checkout-waiting');
  if (!shown) return '';
  const link = shown.querySelector<HTMLAnchorElement>('[part~="checkout-link"]');
  return `${shown.textContent!.replace(/\s+/g, ' ').trim()} | ${link?.href ?? 'no link'}`;
}

const NOTE = `${WAITING} Go to checkout | ${CHECKOUT_URL}`;

/** Clicks (or middle-clicks) the note's link without leaving the test's page, and waits for the render. */
async function follow(el: PlanCard, button = 0): Promise<void> {
  const link = part(el, 'checkout-waiting')!.querySelector<HTMLAnchorElement>('a')!;
  const stay = (event: Event) => event.preventDefault();
  link.addEventListener('click', stay);
  link.addEventListener('auxclick', stay);
  const type = button === 0 ? 'click' : 'auxclick';
  link.dispatchEvent(new MouseEvent(type, { button, bubbles: true, composed: true, cancelable: true }));
  link.removeEventListener('click', stay);
  link.removeEventListener('auxclick', stay);
  await el.updateComplete;
}

/** A purchase of o1 on a card of `place`, closed before its redirect comes, then let come. */
async function waitingOn(place: Element, ids: string[] = ['o1']) {
  const { adapter, release, answered } = redirecting(...ids);
  const el = await mountPlanCard(place, adapter);
  await buyFirstPack(el);
  await closeDialog(el);
  return {
    adapter,
    el,
    arrive: async () => {
      release();
      await delivered(el, answered);
    },
  };
}

describe('<plan-card> the note of a purchase waiting on its checkout page', () => {
  let checkout: ReturnType<typeof watchCheckoutPage>;
  beforeEach(() => {
    checkout = watchCheckoutPage();
    // As a page where no card has made its writes yet: the second card below has never loaded them.
    planWritesChunk.made = undefined;
  });
  afterEach(() => checkout.restore());

  it('shows on the card with its link, and is accessible; following the link ends it and (+) starts afresh', async () => {
    const { el, arrive } = await waitingOn(await fixture(html`<div></div>`));
    const before = note(el);
    await arrive();
    const shown = note(el);
    await expect(el).to.be.accessible();
    await follow(el);
    const followed = note(el);
    await openPurchaseDialog(el);
    expect({
      before,
      shown,
      followed,
      dialog: purchaseStatusOf(el) || 'the packs',
      opened: checkout.opened,
    }).to.deep.equal({
      before: '',
      shown: NOTE,
      followed: '',
      dialog: 'the packs',
      opened: [],
    });
  });

  it('a middle click (another tab) ends it; a right click does not', async () => {
    const { el, arrive } = await waitingOn(await fixture(html`<div></div>`));
    await arrive();
    await follow(el, 2);
    const afterRight = note(el);
    await follow(el, 1);
    expect({ afterRight, afterMiddle: note(el) }).to.deep.equal({ afterRight: NOTE, afterMiddle: '' });
  });

  it('shows on every card of the org on the adapter, those on the page before any loaded its writes too; not elsewhere', async () => {
    const place = await fixture(html`<div></div>`);
    const { adapter, release, answered } = redirecting('o1', 'o2');
    const elsewhere = await mountPlanCard(place, redirecting('o1').adapter);
    const second = await mountPlanCard(place, adapter);
    const otherOrg = await mountPlanCard(place, adapter);
    await show(otherOrg, adapter, 'o2');
    const el = await mountPlanCard(place, adapter);
    await buyFirstPack(el);
    await closeDialog(el);
    release();
    await delivered(el, answered);
    await Promise.all([second, elsewhere, otherOrg].map((card) => card.updateComplete));
    const shown = [el, second, elsewhere, otherOrg].map(note);
    // A dialog showing it on one card ends it on all.
    await openPurchaseDialog(second);
    const inDialog = purchaseStatusOf(second);
    await until(() => note(el) === '', 'the first card follows');
    expect({ shown, inDialog, after: [el, second].map(note) }).to.deep.equal({
      shown: [NOTE, NOTE, '', ''],
      inDialog: WAITING,
      after: ['', ''],
    });
  });

  it('a card made again shows it at once, and again when back from another org', async () => {
    const place = await fixture(html`<div></div>`);
    const { adapter, el, arrive } = await waitingOn(place, ['o1', 'o2']);
    await arrive();
    el.remove();
    const again = await mountPlanCard(place, adapter);
    const madeAgain = note(again);
    await show(again, adapter, 'o2');
    const onO2 = note(again);
    await show(again, adapter, 'o1');
    expect({ madeAgain, onO2, back: note(again) }).to.deep.equal({ madeAgain: NOTE, onO2: '', back: NOTE });
  });

  it('without plan:manage it is not shown; given back, it is', async () => {
    const { adapter, el, arrive } = await waitingOn(await fixture(html`<div></div>`));
    await setManage(adapter, false);
    await until(() => part(el, 'add-credits') === null, '(+) gone');
    await arrive();
    const withoutManage = note(el);
    await setManage(adapter, true);
    await until(() => part(el, 'add-credits') !== null, '(+) back');
    expect({ withoutManage, back: note(el) }).to.deep.equal({ withoutManage: '', back: NOTE });
  });
});
