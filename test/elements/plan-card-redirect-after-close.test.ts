/**
 * A redirect whose answer comes after the viewer closed the purchase dialog: the card opens no
 * checkout page unasked, but the purchase is not silently dropped either. The card's status region
 * says it waits for the checkout page, and the next (+) for that org (this card, another card of the
 * same adapter, a card made again, the card back from another org) opens on that purchase with its
 * checkout link, once. Until 2026-12 it started afresh with the packs, inviting a second purchase.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { heldStore } from '../../src/store/registry.js';
import { holdAnswers } from '../../stories/support/hold-answers.js';
import { ALL_PERMISSIONS, dataset, settle, until } from '../helpers/data.js';
import {
  buyFirstPack,
  cardStatusOf,
  mountPlanCard,
  openPurchaseDialog,
  part,
  purchaseStatusOf,
  watchCheckoutPage,
} from '../helpers/plan-card.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const URL = 'https://pay.example/checkout/42';
const SAID =
  'The purchase of $100.00 is waiting for payment on the checkout page: the Add credits button leads there.';
const WAITING = 'The purchase of $100.00 is waiting for payment on the checkout page.';

/**
 * `ids` with packs; the next purchase answers a redirect to URL once `release()` is called, and
 * `answered()` counts the answers handed back to the card.
 */
function redirecting(...ids: string[]) {
  const data = dataset(...ids);
  for (const id of ids) {
    data[id].plan.creditPacks = [usd(10_000), usd(50_000)];
    data[id].plan.name = `Plan ${id}`;
  }
  const adapter = createMemoryAdapter(data);
  adapter.nextPurchase({ status: 'redirect', url: URL });
  const purchases = holdAnswers(adapter, 'purchaseCredits');
  return { adapter, release: purchases.release, answered: () => purchases.answered };
}

/** Takes `plan:manage` from the viewer (or gives it back) and has the card's store fetch access again. */
async function setManage(adapter: MemoryAdapter, may: boolean): Promise<void> {
  adapter.data.o1.access.permissions = may
    ? [...ALL_PERMISSIONS]
    : ALL_PERMISSIONS.filter((permission) => permission !== 'plan:manage');
  await heldStore(adapter, 'o1')!.refresh('access');
}

/** Waits for the answer to reach the card, and for the render after it (what the card says). */
async function delivered(el: PlanCard, answered: () => number): Promise<void> {
  await until(() => answered() === 1, 'answered');
  await settle(3);
  await el.updateComplete;
}

/** Shows `orgId` on `el` and waits for its plan. */
async function show(el: PlanCard, adapter: MemoryAdapter, orgId: string): Promise<void> {
  el.orgId = orgId;
  const name = adapter.data[orgId].plan.name;
  await until(
    () => el.state === 'ready' && part(el, 'plan-name')?.textContent?.trim() === name,
    `${orgId} shown`,
  );
  await el.updateComplete;
}

/** What the open dialog offers: its sentence, the checkout link or the choice, and where focus is. */
function offered(el: PlanCard): string {
  const link = part<HTMLAnchorElement>(el, 'checkout-link');
  const shows = link ? `link ${link.href}` : part(el, 'confirm') ? 'the packs' : 'neither';
  const focus = el.shadowRoot!.activeElement?.closest('[part]')?.getAttribute('part') ?? 'none';
  return `${purchaseStatusOf(el) || '(no sentence)'} | ${shows} | focus ${focus}`;
}

/** Closes the open dialog with its Close (or Cancel) and waits for it to be closed. */
async function closeDialog(el: PlanCard): Promise<void> {
  (part(el, 'close') ?? part(el, 'cancel'))!.click();
  await until(() => part<HTMLDialogElement>(el, 'purchase-dialog')?.open === false, 'dialog closed');
  await el.updateComplete;
}

describe('<plan-card> a redirect that comes after the dialog was closed', () => {
  let checkout: ReturnType<typeof watchCheckoutPage>;
  let opened: string[];
  beforeEach(() => ({ opened } = checkout = watchCheckoutPage()));
  afterEach(() => checkout.restore());

  it('is said by the card, and the next (+) offers its checkout link once, opening nothing', async () => {
    const { adapter, release, answered } = redirecting('o1');
    const el = await mountPlanCard(await fixture(html`<div></div>`), adapter);
    await buyFirstPack(el);
    await closeDialog(el);
    release();
    await delivered(el, answered);
    const said = cardStatusOf(el);
    await openPurchaseDialog(el);
    const first = offered(el);
    await closeDialog(el);
    await openPurchaseDialog(el);
    const second = offered(el);
    expect({ said, first, second, opened }).to.deep.equal({
      said: SAID,
      first: `${WAITING} | link ${URL} | focus checkout-link`,
      second: '(no sentence) | the packs | focus pack',
      opened: [],
    });
  });

  it('another card of the same adapter and org offers it; a card of the org on another adapter does not', async () => {
    const { adapter, release, answered } = redirecting('o1');
    const other = redirecting('o1').adapter;
    const place = await fixture(html`<div></div>`);
    const one = await mountPlanCard(place, adapter);
    await buyFirstPack(one);
    await closeDialog(one);
    const two = await mountPlanCard(place, adapter);
    const elsewhere = await mountPlanCard(place, other);
    release();
    await delivered(one, answered);
    await openPurchaseDialog(elsewhere);
    const onOther = offered(elsewhere);
    await closeDialog(elsewhere);
    await openPurchaseDialog(two);
    const onSecond = offered(two);
    await closeDialog(two);
    // Shown once, on whichever card: the first card's (+) starts afresh now.
    await openPurchaseDialog(one);
    expect({ onOther, onSecond, onFirst: offered(one), opened }).to.deep.equal({
      onOther: '(no sentence) | the packs | focus pack',
      onSecond: `${WAITING} | link ${URL} | focus checkout-link`,
      onFirst: '(no sentence) | the packs | focus pack',
      opened: [],
    });
  });

  it('a card that left the page mid-purchase: the card made again offers it', async () => {
    const { adapter, release, answered } = redirecting('o1');
    const place = await fixture(html`<div></div>`);
    const first = await mountPlanCard(place, adapter);
    await buyFirstPack(first);
    first.remove();
    release();
    await delivered(first, answered);
    const again = await mountPlanCard(place, adapter);
    await openPurchaseDialog(again);
    expect(`${offered(again)} | opened ${opened.length}`).to.equal(
      `${WAITING} | link ${URL} | focus checkout-link | opened 0`,
    );
  });

  it('with another org shown when it comes: nothing said of it there, o2 starts afresh, o1 offers it on return', async () => {
    const { adapter, release, answered } = redirecting('o1', 'o2');
    const el = await mountPlanCard(await fixture(html`<div></div>`), adapter);
    await buyFirstPack(el);
    await closeDialog(el);
    await show(el, adapter, 'o2');
    release();
    await delivered(el, answered);
    const saidOnO2 = cardStatusOf(el);
    await openPurchaseDialog(el);
    const onO2 = offered(el);
    await closeDialog(el);
    await show(el, adapter, 'o1');
    await openPurchaseDialog(el);
    expect({ saidOnO2, onO2, onO1: offered(el), opened }).to.deep.equal({
      saidOnO2: '',
      onO2: '(no sentence) | the packs | focus pack',
      onO1: `${WAITING} | link ${URL} | focus checkout-link`,
      opened: [],
    });
  });

  it('plan:manage taken away meanwhile: said without pointing at a (+) not shown; given back, (+) offers it', async () => {
    const { adapter, release, answered } = redirecting('o1');
    const el = await mountPlanCard(await fixture(html`<div></div>`), adapter);
    await buyFirstPack(el);
    await closeDialog(el);
    await setManage(adapter, false);
    await until(() => part(el, 'add-credits') === null, '(+) gone');
    release();
    await delivered(el, answered);
    const said = cardStatusOf(el);
    await setManage(adapter, true);
    await until(() => part(el, 'add-credits') !== null, '(+) back');
    await openPurchaseDialog(el);
    expect({ said, offered: offered(el), opened }).to.deep.equal({
      said: WAITING,
      offered: `${WAITING} | link ${URL} | focus checkout-link`,
      opened: [],
    });
  });

  it('one the dialog showed as it came (its checkout page opened) is not offered again', async () => {
    const { adapter, release } = redirecting('o1');
    const el = await mountPlanCard(await fixture(html`<div></div>`), adapter);
    await buyFirstPack(el);
    release();
    await until(() => opened.length === 1, 'the checkout page opened');
    await el.updateComplete;
    const shown = purchaseStatusOf(el);
    await closeDialog(el);
    await openPurchaseDialog(el);
    expect(`${shown} | ${offered(el)} | said ${cardStatusOf(el) || 'nothing'}`).to.equal(
      'Opening the checkout page to pay $100.00… | (no sentence) | the packs | focus pack | said nothing',
    );
  });
});
