/**
 * The steps the plan card's acting-in-place stories take through its shadow root, as a viewer
 * would: press (+), pick a pack, type an amount, open the alert's form. Each waits for what it
 * needs on screen and fails naming it, so a story that cannot reach its state says where it stopped.
 */
import type { ReactiveElement } from 'lit';
import { checkoutPage } from '../../src/elements/plan-card/purchase-dialog.js';

export interface PlanCardInPage {
  element: ReactiveElement;
  root: ShadowRoot;
}

/** For a redirect story's `beforeEach`: the checkout page the card would open is logged instead. */
export function logCheckoutPage(): () => void {
  const { open } = checkoutPage;
  checkoutPage.open = (url) => console.log(`The card would open the checkout page ${url}.`);
  return () => {
    checkoutPage.open = open;
  };
}

/**
 * Resolves with the first truthy value `find` returns, looking again on every frame; rejects after
 * 10 s naming `what`, so a story that cannot reach its state says where it stopped.
 */
export function whenShown<T>(what: string, find: () => T | null | undefined | false): Promise<T> {
  const until = performance.now() + 10_000;
  return new Promise((resolve, reject) => {
    const look = () => {
      const found = find();
      if (found) resolve(found);
      else if (performance.now() > until) reject(new Error(`The story never showed ${what}.`));
      else requestAnimationFrame(look);
    };
    look();
  });
}

/** The card once its plan is on screen with (+), the first thing every story here presses or passes. */
export async function planCard(canvas: HTMLElement): Promise<PlanCardInPage> {
  const element = await whenShown('the plan card', () => canvas.querySelector<ReactiveElement>('plan-card'));
  const root = await whenShown('the plan', () =>
    element.shadowRoot?.querySelector('[part~="add-credits"]') ? element.shadowRoot : undefined,
  );
  return { element, root };
}

/** In `root`, the element `selector` finds, once it is there. */
export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string): Promise<T> {
  return whenShown(selector, () => root.querySelector<T>(selector));
}

/** Types `text` into `input` as a viewer would: each `input`, then `change` as the field is left. */
export function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Presses (+) and waits for the modal purchase dialog. */
export async function openPurchase({ root }: PlanCardInPage): Promise<HTMLDialogElement> {
  (await part(root, '[part~="add-credits"]')).click();
  return part<HTMLDialogElement>(root, 'dialog[part~="purchase-dialog"][open]');
}

/** Picks "Other amount" and types `text` into the amount field it shows. */
export async function typeCustomAmount(
  card: PlanCardInPage,
  dialog: HTMLDialogElement,
  text: string,
): Promise<void> {
  const packs = dialog.querySelectorAll<HTMLInputElement>('[part~="pack"] input');
  packs[packs.length - 1].click();
  type(await part<HTMLInputElement>(dialog, '[part~="amount-input"]'), text);
  await card.element.updateComplete;
}

/**
 * Buys the first pack (the purchase's answer is whatever the story injected) and waits until the
 * dialog shows `shown`, and no longer the note of a purchase still being sent (unless `shown` is it).
 */
export async function buyFirstPack(card: PlanCardInPage, shown: string): Promise<void> {
  const dialog = await openPurchase(card);
  (await part<HTMLInputElement>(dialog, '[part~="pack"] input')).click();
  await card.element.updateComplete;
  (await part(dialog, '[part~="confirm"]')).click();
  await whenShown(
    shown,
    () => dialog.querySelector(shown) && (shown === SUBMITTING || !dialog.querySelector(SUBMITTING)),
  );
}

/** What only the dialog's submitting state shows: the note that closing it does not stop the purchase. */
export const SUBMITTING = '.note';

/** Presses the alert row's Change and waits for its form. */
export async function openAlertForm({ root }: PlanCardInPage): Promise<HTMLFormElement> {
  (await part(root, '[part~="alert-change"]')).click();
  return part<HTMLFormElement>(root, 'form[part~="alert-form"]');
}
