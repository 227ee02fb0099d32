/**
 * The plan card's purchase dialog, through the card as a viewer uses it: (+), the dialog's states,
 * focus, the balance on screen and `od-credits-purchased`, against the memory adapter's ledger.
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import type { CreditsPurchasedEvent } from '../../src/elements/plan-card/plan-card.events.js';
import { planWritesChunk } from '../../src/elements/plan-card/plan-writes-loader.js';
import { ALL_PERMISSIONS, dataset, until } from '../helpers/data.js';
import { watchCheckoutPage } from '../helpers/plan-card.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

function adapterWithPacks(change?: (data: DashboardDataset) => void): MemoryAdapter {
  const data = dataset('o1', 'o2');
  for (const id of ['o1', 'o2']) data[id].plan.creditPacks = [usd(10_000), usd(50_000)];
  change?.(data);
  return createMemoryAdapter(data);
}

/** What each `purchaseCredits` call sent, in order: the adapter is wrapped, not changed. */
function recordPurchases(adapter: MemoryAdapter) {
  const sent: { orgId: string; idempotencyKey: string; amountMinor: number }[] = [];
  const purchase = adapter.purchaseCredits!;
  adapter.purchaseCredits = (orgId, request, options) => {
    sent.push({ orgId, idempotencyKey: request.idempotencyKey, amountMinor: request.amount.amountMinor });
    return purchase(orgId, request, options);
  };
  return sent;
}

/** Every `od-credits-purchased` detail `el` fires from now on. */
function recordPurchased(el: PlanCard) {
  const details: CreditsPurchasedEvent['detail'][] = [];
  el.addEventListener('od-credits-purchased', (event) => details.push(event.detail));
  return details;
}

/** How en-US writes a dollar balance, to compare the screen with the ledger's balance. */
const dollars = (money: Money) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 100,
  );

async function card(adapter: MemoryAdapter, orgId = 'o1'): Promise<PlanCard> {
  const el = await fixture<PlanCard>(html`<plan-card org-id=${orgId} .adapter=${adapter}></plan-card>`);
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  return el;
}

const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const dialogOf = (el: PlanCard) => part<HTMLDialogElement>(el, 'purchase-dialog')!;
const statusOf = (el: PlanCard) => part(el, 'purchase-status')!.textContent!.trim();
const creditsOf = (el: PlanCard) => part(el, 'credits')!.textContent!.trim();
/** The part names of the element with focus in the card (a string, so a failure prints briefly). */
const focused = (el: PlanCard) =>
  el.shadowRoot!.activeElement?.getAttribute('part') ?? String(el.shadowRoot!.activeElement?.localName);

describe('plan-card purchase dialog', () => {
  it('(+) fires od-add-credits, then opens a modal dialog with focus on the first pack', async () => {
    const el = await card(adapterWithPacks());
    const plus = part(el, 'add-credits')!;
    expect(plus.getAttribute('aria-haspopup')).to.equal('dialog');
    const fired = oneEvent(el, 'od-add-credits');
    plus.click();
    await fired;
    await el.updateComplete;
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(el.shadowRoot!.activeElement === dialog.querySelector('input[type="radio"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('buys a pack: the balance on screen is the ledger’s, and od-credits-purchased fires once', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    const events: CreditsPurchasedEvent[] = [];
    el.addEventListener('od-credits-purchased', (event) => events.push(event));
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    dialogOf(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    await el.updateComplete;
    const confirm = part(el, 'confirm')!;
    expect(confirm.textContent!.trim()).to.equal('Buy $500.00');
    confirm.click();
    await until(() => events.length === 1, 'purchased');
    await el.updateComplete;
    expect(adapter.data.o1.plan.availableCredits.amountMinor).to.equal(100_000);
    expect(creditsOf(el)).to.equal('$1,000.00');
    expect(statusOf(el)).to.equal('$500.00 added. Available credits: $1,000.00.');
    expect(events[0].detail).to.deep.include({ orgId: 'o1', status: 'completed' });
    expect(focused(el)).to.equal('close');
    await expect(el).to.be.accessible();
    part(el, 'close')!.click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('action add-credits');
  });

  it('(+) with a link configured is a button all the same: a Ctrl, Shift, Alt or Cmd click opens the dialog too', async () => {
    const el = await card(adapterWithPacks());
    el.links = { addCredits: '/billing/{orgId}/credits' };
    await el.updateComplete;
    for (const modifier of ['ctrlKey', 'shiftKey', 'altKey', 'metaKey'] as const) {
      let fired = 0;
      const count = () => (fired += 1);
      el.addEventListener('od-add-credits', count);
      const plus = part(el, 'add-credits')!;
      expect(plus.localName).to.equal('button');
      plus.dispatchEvent(
        new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, [modifier]: true }),
      );
      await el.updateComplete;
      el.removeEventListener('od-add-credits', count);
      expect(fired, modifier).to.equal(1);
      expect(dialogOf(el).open, modifier).to.equal(true);
      part(el, 'close')?.click();
      dialogOf(el).close();
      await el.updateComplete;
    }
  });

  it('Escape closes the dialog and focus returns to (+)', async () => {
    const el = await card(adapterWithPacks());
    part(el, 'add-credits')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('action add-credits');
  });

  it('a host that cancels od-add-credits keeps its own flow: no dialog', async () => {
    // On a page where no card has made its writes yet (then a new card makes them at once).
    planWritesChunk.made = undefined;
    const el = await card(adapterWithPacks());
    el.addEventListener('od-add-credits', (event) => event.preventDefault());
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    // Not even loaded: the dialog comes with its module, on a press the host let through.
    expect(part(el, 'purchase-dialog') === null).to.equal(true);
  });

  it('a custom amount with a fraction of a cent is refused in words, and nothing is sent', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    const radios = dialogOf(el).querySelectorAll<HTMLInputElement>('input[type="radio"]');
    radios[radios.length - 1].click();
    await el.updateComplete;
    const input = part<HTMLInputElement>(el, 'amount-input')!;
    input.value = '12.345';
    input.dispatchEvent(new InputEvent('input'));
    part(el, 'confirm')!.click();
    await el.updateComplete;
    expect(part(el, 'field-error')!.textContent!.trim()).to.equal('Enter at most 2 decimals.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(adapter.data.o1.creditPurchases ?? []).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a redirect opens the checkout page while the dialog shows it', async () => {
    const adapter = adapterWithPacks();
    adapter.nextPurchase({ status: 'redirect', url: 'https://pay.example/checkout/1' });
    const el = await card(adapter);
    const { opened, restore } = watchCheckoutPage();
    try {
      part(el, 'add-credits')!.click();
      await el.updateComplete;
      dialogOf(el).querySelector<HTMLInputElement>('input[type="radio"]')!.click();
      await el.updateComplete;
      part(el, 'confirm')!.click();
      await until(() => opened.length === 1, 'redirect');
      await el.updateComplete;
      expect(statusOf(el)).to.equal('Opening the checkout page to pay $100.00…');
      expect(part<HTMLAnchorElement>(el, 'checkout-link')!.href).to.equal('https://pay.example/checkout/1');
      expect(opened).to.deep.equal(['https://pay.example/checkout/1']);
    } finally {
      restore();
    }
    await aTimeout(0);
  });
});

/** Opens the dialog with (+), as a click. */
async function openDialog(el: PlanCard): Promise<void> {
  part(el, 'add-credits')!.click();
  await el.updateComplete;
}

/** Picks the pack at `index` (0: $100.00, 1: $500.00) and presses Buy. */
async function buyPack(el: PlanCard, index = 0): Promise<void> {
  dialogOf(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')[index].click();
  await el.updateComplete;
  part(el, 'confirm')!.click();
  await el.updateComplete;
}

/** Types `text` as the amount: in the field itself, or after picking "Other amount" among packs. */
async function typeAmount(el: PlanCard, text: string): Promise<void> {
  const radios = dialogOf(el).querySelectorAll<HTMLInputElement>('input[type="radio"]');
  if (radios.length > 0) {
    radios[radios.length - 1].click();
    await el.updateComplete;
  }
  const input = part<HTMLInputElement>(el, 'amount-input')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input'));
  await el.updateComplete;
}

const fieldErrorOf = (el: PlanCard) => part(el, 'field-error')!.textContent!.trim();

/** The dialog's targets (buttons, links, the packs' labels) smaller than 24×24 px, by part and size. */
function smallTargets(el: PlanCard): { count: number; small: string[] } {
  const targets = [...dialogOf(el).querySelectorAll('button, a, label[part~="pack"]')];
  const small = targets.flatMap((target) => {
    const { width, height } = target.getBoundingClientRect();
    return width >= 24 && height >= 24
      ? []
      : [`${target.getAttribute('part')}: ${Math.round(width)}×${Math.round(height)}`];
  });
  return { count: targets.length, small };
}

describe('plan-card purchase dialog by keyboard', () => {
  it('from (+) to the confirmation with keys alone, and Escape returns focus to (+)', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    const purchased = recordPurchased(el);
    part(el, 'add-credits')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    const radios = () => [...dialogOf(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(el.shadowRoot!.activeElement === radios()[0]).to.equal(true);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(radios().map((radio) => radio.checked)).to.deep.equal([false, true, false]);
    expect(part(el, 'confirm')!.textContent!.trim()).to.equal('Buy $500.00');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    // "Other amount" shows its field; back up to the $500.00 pack.
    expect(radios().map((radio) => radio.checked)).to.deep.equal([false, false, true]);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(radios().map((radio) => radio.checked)).to.deep.equal([false, true, false]);

    // Out of the group, past Cancel, to Buy.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('cancel');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('confirm');
    await sendKeys({ press: 'Enter' });
    await until(() => purchased.length === 1, 'purchased');
    await el.updateComplete;
    expect(statusOf(el)).to.equal('$500.00 added. Available credits: $1,000.00.');
    expect(purchased[0]).to.deep.include({ orgId: 'o1', status: 'completed' });
    expect(adapter.data.o1.creditPurchases ?? []).to.have.length(1);
    expect(focused(el)).to.equal('close');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('action add-credits');
  });

  it('Close (pressed with Enter) returns focus to (+)', async () => {
    const el = await card(adapterWithPacks());
    const purchased = recordPurchased(el);
    part(el, 'add-credits')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await buyPack(el);
    await until(() => purchased.length === 1, 'purchased');
    await el.updateComplete;
    expect(focused(el)).to.equal('close');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('action add-credits');
  });
});

describe('plan-card purchase dialog in each state: axe, and targets of at least 24×24 px', () => {
  /** Brings the dialog of a fresh card to the state; returns what the test must undo after. */
  const states: [string, string, (adapter: MemoryAdapter, el: PlanCard) => Promise<() => void>][] = [
    [
      'choice',
      'Available now: $500.00',
      async (_adapter, el) => {
        await openDialog(el);
        return () => {};
      },
    ],
    [
      'refused amount',
      'Enter at most 2 decimals.',
      async (_adapter, el) => {
        await openDialog(el);
        await typeAmount(el, '12.345');
        part(el, 'confirm')!.click();
        await el.updateComplete;
        return () => {};
      },
    ],
    [
      'submitting',
      'Buying $100.00…',
      async (adapter, el) => {
        adapter.hold();
        await openDialog(el);
        await buyPack(el);
        return () => adapter.release();
      },
    ],
    [
      'completed',
      '$100.00 added. Available credits: $600.00.',
      async (_adapter, el) => {
        await openDialog(el);
        await buyPack(el);
        return () => {};
      },
    ],
    [
      'pending',
      'Purchase of $100.00 received. The credits appear here once the payment completes.',
      async (adapter, el) => {
        adapter.nextPurchase({ status: 'pending' });
        await openDialog(el);
        await buyPack(el);
        return () => adapter.release();
      },
    ],
    [
      'redirect',
      'Opening the checkout page to pay $100.00…',
      async (adapter, el) => {
        adapter.nextPurchase({ status: 'redirect', url: 'https://pay.example/checkout/2' });
        const { restore } = watchCheckoutPage();
        await openDialog(el);
        await buyPack(el);
        return restore;
      },
    ],
    [
      'failed retryable',
      'Couldn’t reach the server. Check your connection. The purchase of $100.00 isn’t confirmed. Retry completes it without charging twice.',
      async (adapter, el) => {
        adapter.failNext('purchaseCredits', 'network');
        await openDialog(el);
        await buyPack(el);
        return () => {};
      },
    ],
    [
      'failed refusal',
      'The payment was declined, so nothing was charged. Check the payment method, then try again.',
      async (adapter, el) => {
        adapter.failNext('purchaseCredits', 'payment-required');
        await openDialog(el);
        await buyPack(el);
        return () => {};
      },
    ],
  ];

  for (const [name, says, reach] of states) {
    it(`${name}: says "${says}"`, async () => {
      const adapter = adapterWithPacks();
      const el = await card(adapter);
      const undo = await reach(adapter, el);
      try {
        const dialog = dialogOf(el);
        await until(() => dialog.textContent!.includes(says), `"${says}"`);
        await el.updateComplete;
        expect(dialog.open).to.equal(true);
        await expect(el).to.be.accessible();
        const { count, small } = smallTargets(el);
        expect(count).to.be.greaterThan(0);
        expect(small).to.deep.equal([]);
      } finally {
        undo();
      }
      // Nothing left under way for the next test: the held answer, once released, is shown.
      await until(() => !statusOf(el).startsWith('Buying'), 'the purchase settled');
    });
  }
});

describe('plan-card purchase failures', () => {
  it('a failure after the charge: not confirmed, Retry sends the same key, one record, the ledger’s balance', async () => {
    const adapter = adapterWithPacks();
    adapter.failNext('purchaseCredits', 'network', 1, { afterHandling: true });
    const el = await card(adapter);
    const sent = recordPurchases(adapter);
    const purchased = recordPurchased(el);
    await openDialog(el);
    await buyPack(el);
    await until(() => part(el, 'retry') !== null, 'Retry');
    await el.updateComplete;
    expect(statusOf(el)).to.equal(
      'Couldn’t reach the server. Check your connection. The purchase of $100.00 isn’t confirmed. Retry completes it without charging twice.',
    );
    expect(focused(el)).to.equal('retry');
    expect(purchased).to.have.length(0);

    part(el, 'retry')!.click();
    await until(() => purchased.length === 1, 'purchased');
    await el.updateComplete;
    expect(sent).to.have.length(2);
    expect(sent[1].idempotencyKey).to.equal(sent[0].idempotencyKey);
    expect(purchased[0].idempotencyKey).to.equal(sent[0].idempotencyKey);
    expect(adapter.data.o1.creditPurchases ?? []).to.have.length(1);
    expect(adapter.data.o1.plan.availableCredits.amountMinor).to.equal(60_000);
    const ledgerBalance = dollars(adapter.data.o1.plan.availableCredits);
    await until(() => creditsOf(el) === ledgerBalance, `the balance ${ledgerBalance} on screen`);
    expect(statusOf(el)).to.equal('$100.00 added. The balance is being updated.');
  });

  it('a refusal: Try again then Buy again is a new key, and the refused one charged nothing', async () => {
    const adapter = adapterWithPacks();
    adapter.failNext('purchaseCredits', 'payment-required');
    const el = await card(adapter);
    const sent = recordPurchases(adapter);
    const purchased = recordPurchased(el);
    await openDialog(el);
    await buyPack(el);
    await until(() => part(el, 'try-again') !== null, 'Try again');
    await el.updateComplete;
    expect(statusOf(el)).to.equal(
      'The payment was declined, so nothing was charged. Check the payment method, then try again.',
    );
    expect(part(el, 'retry')).to.equal(null);
    expect(focused(el)).to.equal('try-again');
    expect(adapter.data.o1.creditPurchases ?? []).to.have.length(0);

    part(el, 'try-again')!.click();
    await el.updateComplete;
    // Back to the choice, the pack still picked.
    expect(part(el, 'confirm')!.textContent!.trim()).to.equal('Buy $100.00');
    part(el, 'confirm')!.click();
    await until(() => purchased.length === 1, 'purchased');
    await el.updateComplete;
    expect(sent).to.have.length(2);
    expect(sent[1].idempotencyKey).not.to.equal(sent[0].idempotencyKey);
    const ledger = adapter.data.o1.creditPurchases ?? [];
    expect(ledger.map((record) => record.idempotencyKey)).to.deep.equal([sent[1].idempotencyKey]);
    expect(adapter.data.o1.plan.availableCredits.amountMinor).to.equal(60_000);
    expect(creditsOf(el)).to.equal('$600.00');
  });
});

describe('plan-card purchase under way', () => {
  it('a double click on Buy sends one request', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    const sent = recordPurchases(adapter);
    const purchased = recordPurchased(el);
    adapter.hold();
    await openDialog(el);
    dialogOf(el).querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await el.updateComplete;
    const confirm = part(el, 'confirm')!;
    confirm.click();
    confirm.click();
    await el.updateComplete;
    expect(statusOf(el)).to.equal('Buying $100.00…');
    adapter.release();
    await until(() => purchased.length === 1, 'purchased');
    expect(sent).to.have.length(1);
    expect(adapter.data.o1.creditPurchases ?? []).to.have.length(1);
    expect(purchased).to.have.length(1);
  });

  it('closing the dialog while submitting lets the purchase finish, and the event still fires', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    const purchased = recordPurchased(el);
    adapter.hold();
    await openDialog(el);
    await buyPack(el);
    expect(statusOf(el)).to.equal('Buying $100.00…');
    expect(focused(el)).to.equal('close');
    part(el, 'close')!.click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('action add-credits');
    adapter.release();
    await until(() => purchased.length === 1, 'purchased');
    await el.updateComplete;
    expect(purchased[0]).to.deep.include({ orgId: 'o1', status: 'completed' });
    expect(adapter.data.o1.creditPurchases ?? []).to.have.length(1);
    expect(dialogOf(el).open).to.equal(false);
    await until(() => creditsOf(el) === '$600.00', 'the new balance');
  });

  it('reopening while the purchase is under way shows it submitting, then its result', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    const sent = recordPurchases(adapter);
    const purchased = recordPurchased(el);
    adapter.hold();
    await openDialog(el);
    await buyPack(el);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    await openDialog(el);
    expect(dialogOf(el).open).to.equal(true);
    expect(statusOf(el)).to.equal('Buying $100.00…');
    expect(part(el, 'confirm')).to.equal(null);
    expect(focused(el)).to.equal('close');
    adapter.release();
    await until(() => purchased.length === 1, 'purchased');
    await el.updateComplete;
    expect(statusOf(el)).to.equal('$100.00 added. Available credits: $600.00.');
    expect(sent).to.have.length(1);
  });

  it('another org mid-flight: the purchase stays o1’s, o2’s balance is untouched, o1 shows its new balance', async () => {
    const adapter = adapterWithPacks((data) => (data.o2.plan.availableCredits = usd(20_000)));
    const el = await card(adapter);
    const purchased = recordPurchased(el);
    adapter.hold();
    await openDialog(el);
    await buyPack(el);
    el.orgId = 'o2';
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    adapter.release();
    await until(() => purchased.length === 1, 'purchased');
    await until(() => el.state === 'ready' && creditsOf(el) === '$200.00', 'o2 on screen');
    expect(purchased[0]).to.deep.include({ orgId: 'o1', status: 'completed' });
    expect(purchased[0].availableCredits).to.deep.equal(usd(60_000));
    expect((adapter.data.o1.creditPurchases ?? []).length).to.equal(1);
    expect((adapter.data.o2.creditPurchases ?? []).length).to.equal(0);
    expect(adapter.data.o2.plan.availableCredits.amountMinor).to.equal(20_000);

    el.orgId = 'o1';
    await until(() => el.state === 'ready' && creditsOf(el) === '$600.00', 'o1’s new balance');
  });

  it('the card removed from the page mid-flight: the purchase finishes and the event fires on it', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    const purchased = recordPurchased(el);
    adapter.hold();
    await openDialog(el);
    await buyPack(el);
    el.remove();
    adapter.release();
    await until(() => purchased.length === 1, 'purchased');
    expect(purchased[0]).to.deep.include({ orgId: 'o1', status: 'completed' });
    expect(purchased[0].availableCredits).to.deep.equal(usd(60_000));
    expect((adapter.data.o1.creditPurchases ?? []).length).to.equal(1);
  });

  it('pending: the event says so, with no balance', async () => {
    const adapter = adapterWithPacks();
    adapter.nextPurchase({ status: 'pending' });
    const el = await card(adapter);
    const purchased = recordPurchased(el);
    await openDialog(el);
    await buyPack(el);
    await until(() => purchased.length === 1, 'purchased');
    await el.updateComplete;
    expect(purchased[0]).to.deep.include({ orgId: 'o1', status: 'pending', availableCredits: null });
    expect(purchased[0].amount).to.deep.equal(usd(10_000));
    expect(statusOf(el)).to.equal(
      'Purchase of $100.00 received. The credits appear here once the payment completes.',
    );
    expect(focused(el)).to.equal('close');
    expect(creditsOf(el)).to.equal('$500.00');
  });
});

describe('plan-card purchase: who may buy, and with what', () => {
  it('an adapter without purchaseCredits: (+) fires od-add-credits only, and opens nothing', async () => {
    const data = dataset('o1');
    const el = await card(createMemoryAdapter(data, { writes: false }));
    const plus = part(el, 'add-credits')!;
    expect(plus.hasAttribute('aria-haspopup')).to.equal(false);
    const fired = oneEvent(el, 'od-add-credits');
    plus.click();
    await fired;
    await el.updateComplete;
    expect(part(el, 'purchase-dialog') === null).to.equal(true);
    expect(part(el, 'alert-change') === null).to.equal(true);
  });

  it('a viewer without plan:manage: no (+), no alert row, no dialog', async () => {
    const data = dataset('o1');
    data.o1.access.permissions = ALL_PERMISSIONS.filter((permission) => permission !== 'plan:manage');
    const el = await card(createMemoryAdapter(data));
    expect(part(el, 'add-credits') === null).to.equal(true);
    expect(part(el, 'alert') === null).to.equal(true);
    expect(part(el, 'alert-change') === null).to.equal(true);
    expect(part(el, 'purchase-dialog') === null).to.equal(true);
    expect(creditsOf(el)).to.equal('$500.00');
  });

  for (const [currency, text, refusal] of [
    ['JPY', '12.5', 'Enter a whole amount: JPY has no smaller unit.'],
    ['KWD', '1.2345', 'Enter at most 3 decimals.'],
  ]) {
    it(`${currency}: "${text}" is refused with "${refusal}", and nothing is sent`, async () => {
      const data = dataset('o1');
      data.o1.plan.availableCredits = { amountMinor: 50_000, currency };
      const adapter = createMemoryAdapter(data);
      const el = await card(adapter);
      const sent = recordPurchases(adapter);
      await openDialog(el);
      // No packs: the field is the choice, and has focus.
      expect(focused(el)).to.equal('amount-input');
      await typeAmount(el, text);
      part(el, 'confirm')!.click();
      await el.updateComplete;
      expect(fieldErrorOf(el)).to.equal(refusal);
      expect(part(el, 'amount-input')!.getAttribute('aria-invalid')).to.equal('true');
      expect(sent).to.have.length(0);
      expect(adapter.data.o1.creditPurchases ?? []).to.have.length(0);
    });
  }
});
