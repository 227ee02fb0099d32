/**
 * The plan card acting in place: the purchase dialog of (+) and the low-credit alert's form, one
 * story per state. Each story's `play` clicks through the card's shadow root to its state over a
 * mocked backend of its own, whose injected answers (`nextPurchase`, `failNext`) give the outcome.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type ReactiveElement } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/plan-card.js';
import type { DashboardAdapter } from '../src/contract/types.js';
import { planWritesChunk } from '../src/elements/plan-card/plan-writes-loader.js';
import { GULF_ORG_ID, SAKURA_ORG_ID } from '../src/mocks/fixtures.js';
import { cardMeta, type HeadedCardArgs } from './helpers/card-meta.js';
import { cardStories } from './helpers/card-stories.js';
import {
  SUBMITTING,
  buyFirstPack,
  logCheckoutPage,
  openAlertForm,
  openPurchase,
  part,
  planCard,
  type,
  typeCustomAmount,
  whenShown,
  type PlanCardInPage,
} from './helpers/plan-card-steps.js';
import { holdAnswers } from './support/hold-answers.js';
import { mockBackend, type MockBackend } from './support/mock-backend.js';

type Args = HeadedCardArgs;

const meta: Meta<Args> = {
  title: 'Cards/Plan card/Acting in place',
  component: 'plan-card',
  ...cardMeta(),
};
export default meta;

type Story = StoryObj<Args>;
type Play = NonNullable<Story['play']>;

const { story } = cardStories<Args>(
  'plan-card',
  (args) => html`<plan-card heading-level=${args.headingLevel}></plan-card>`,
);

/** A story's way to its state: the backend it injects outcomes into, and the card's shadow root. */
type Steps = (backend: MockBackend, card: PlanCardInPage) => Promise<void>;

/** The checkout page a redirect story's purchase is sent to (never opened: see `Redirect`). */
const CHECKOUT_URL = 'https://pay.example/checkout/storybook';

/** A story of the card in a provider on a backend of its own, brought to its state by `steps`. */
function inPlace(steps: Steps, extra: Partial<Story> = {}, backend = mockBackend()): Story {
  const play: Play = async ({ canvasElement }) => steps(backend, await planCard(canvasElement));
  return story(backend, { play, ...extra });
}

// The purchase dialog.

/** (+) pressed: the dialog's first state, the org's packs and "Other amount", the first pack focused. */
export const ChoosePack = inPlace(async (_backend, card) => {
  await openPurchase(card);
});

/**
 * "Other amount" with 12.345 typed and Buy pressed: dollars have two decimals, so the field is
 * marked invalid and says why, and nothing is sent.
 */
export const CustomAmountRefused = inPlace(async (_backend, card) => {
  const dialog = await openPurchase(card);
  await typeCustomAmount(card, dialog, '12.345');
  (await part(dialog, '[part~="confirm"]')).click();
  await whenShown('the refusal', () => dialog.querySelector('[part~="field-error"]')?.textContent?.trim());
});

/** A custom amount in yen, which have no minor unit: 75000 reads as ¥75,000, the amount Buy names. */
export const CustomAmountInYen = inPlace(
  async (_backend, card) => {
    const dialog = await openPurchase(card);
    await typeCustomAmount(card, dialog, '75000');
  },
  { args: { orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo' } },
);

/**
 * Buy pressed, and the backend holds the purchase unanswered: "Buying…" stays, with Close (the
 * purchase goes on if the dialog is closed). The adapter has no timeout, so it never turns into a
 * failure.
 */
export const Submitting = inPlace(
  async (backend, card) => {
    backend.api.failNext('purchaseCredits', 'timeout');
    await buyFirstPack(card, SUBMITTING);
  },
  {},
  mockBackend({}, { timeoutMs: 0 }),
);

/** The purchase completed: the new balance, in the dialog and on the card, with Buy more and Close. */
export const Completed = inPlace(async (_backend, card) => {
  await buyFirstPack(card, '[part~="buy-more"]');
});

/** The payment is pending: the credits arrive later (with a live `plan` event); Close only. */
export const Pending = inPlace(async (backend, card) => {
  backend.api.nextPurchase({ status: 'pending' });
  await buyFirstPack(card, '[part~="close"][data-focus]');
});

/**
 * The payment needs the checkout page. The card would open it in this tab; this story only logs
 * the address (the link in the dialog still goes there).
 */
export const Redirect = inPlace(
  async (backend, card) => {
    backend.api.nextPurchase({ status: 'redirect', url: CHECKOUT_URL });
    await buyFirstPack(card, '[part~="checkout-link"]');
  },
  { beforeEach: logCheckoutPage },
);

/**
 * Buys the first pack, closes the dialog while the purchase is on its way, and lets its answer, a
 * redirect to the checkout page, come then: the card's note says the purchase waits for payment.
 */
async function redirectAfterClose(backend: MockBackend, card: PlanCardInPage): Promise<void> {
  backend.api.nextPurchase({ status: 'redirect', url: CHECKOUT_URL });
  const purchase = holdAnswers(backend.adapter, 'purchaseCredits');
  try {
    await buyFirstPack(card, SUBMITTING);
    (await part(card.root, 'dialog[open] [part~="close"]')).click();
    await whenShown('the dialog closed', () => !card.root.querySelector('dialog[open]'));
    purchase.release();
    await part(card.root, '[part~="checkout-waiting"] [part~="checkout-link"]');
  } finally {
    purchase.restore();
  }
}

/**
 * The checkout page's answer came after the viewer closed the dialog: nothing opens the checkout
 * page unasked; the card shows that the purchase waits for payment there, with its link (until the
 * viewer follows it, opens (+) on it, or buys again), and its status region says so.
 */
export const CheckoutWaiting = inPlace(redirectAfterClose, { beforeEach: logCheckoutPage });

/**
 * As CheckoutWaiting, then (+): the dialog opens on that purchase, with its checkout link (once:
 * the next (+) shows the packs again), and the card's note gives way to it.
 */
export const RedirectAfterClose = inPlace(
  async (backend, card) => {
    await redirectAfterClose(backend, card);
    (await part(card.root, '[part~="add-credits"]')).click();
    await part(card.root, 'dialog[open] [part~="checkout-link"]');
  },
  { beforeEach: logCheckoutPage },
);

/**
 * The connection dropped after the backend charged: the purchase may have been made, so the
 * dialog offers Retry (the same idempotency key: the backend answers its first answer, charging
 * once) and Change amount.
 */
export const FailedNetwork = inPlace(async (backend, card) => {
  backend.api.failNext('purchaseCredits', 'network', 1, { afterHandling: true });
  await buyFirstPack(card, '[part~="retry"]');
});

/** The payment was refused (402): nothing was charged, so Try again starts a new purchase. */
export const FailedPaymentRequired = inPlace(async (backend, card) => {
  backend.api.failNext('purchaseCredits', 402);
  await buyFirstPack(card, '[part~="try-again"]');
});

/** Arabic, right to left, in Kuwaiti dinars (three minor digits): the dialog's first state. */
export const RightToLeft = inPlace(
  async (_backend, card) => {
    await openPurchase(card);
  },
  {
    args: { orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' },
    decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
  },
);

/**
 * The dialog open when the host swaps in an adapter that cannot buy (here the same REST adapter
 * without `purchaseCredits`): the dialog says buying is not available here and offers only Close,
 * which takes focus back to the card.
 */
export const BuyingUnavailable = inPlace(async (backend, card) => {
  await openPurchase(card);
  const cannotBuy: DashboardAdapter = { ...backend.adapter, purchaseCredits: undefined };
  (card.element as ReactiveElement & { adapter?: DashboardAdapter }).adapter = cannotBuy;
  await whenShown(
    'that buying is not available',
    () =>
      card.element.shadowRoot?.querySelector('dialog[open] [part~="close"]') &&
      !card.element.shadowRoot.querySelector('dialog [part~="confirm"]'),
  );
});

// When the dialog's own code cannot be fetched.

/**
 * (+) pressed while the dialog's code (loaded on first use) cannot be fetched: offline, or a deploy
 * removed the old chunk. The card says so below the plan, nothing is thrown into the page, and the
 * next press tries again (here it would succeed: the story fails the one fetch only).
 */
export const DialogFailedToLoad = inPlace(async (_backend, card) => {
  const load = planWritesChunk.load;
  planWritesChunk.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  try {
    (await part(card.root, '[part~="add-credits"]')).click();
    await whenShown('the load failure', () => card.root.querySelector('.note[part~="message"]'));
  } finally {
    planWritesChunk.load = load;
  }
});

// The low-credit alert.

/** Change pressed: the form, with the confirmed threshold to edit, Save, Turn off and Cancel. */
export const AlertFormOpen = inPlace(async (_backend, card) => {
  await openAlertForm(card);
});

/** 12.345 typed and Save pressed: dollars have two decimals, so the field says why and nothing is sent. */
export const AlertAmountRefused = inPlace(async (_backend, card) => {
  const form = await openAlertForm(card);
  type(await part<HTMLInputElement>(form, '[part~="amount-input"]'), '12.345');
  await card.element.updateComplete;
  (await part(form, '[part~="alert-save"]')).click();
  await whenShown('the refusal', () => form.querySelector('[part~="field-error"]')?.textContent?.trim());
});

/** 7500 saved: the form closes and the row shows the threshold the backend confirmed. */
export const AlertSaved = inPlace(async (_backend, card) => {
  const form = await openAlertForm(card);
  type(await part<HTMLInputElement>(form, '[part~="amount-input"]'), '7500');
  await card.element.updateComplete;
  (await part(form, '[part~="alert-save"]')).click();
  await whenShown(
    'the saved threshold',
    () =>
      !card.root.querySelector('[part~="alert-form"]') &&
      card.root.querySelector('[part~="alert"]')?.textContent?.includes('7,500'),
  );
});
