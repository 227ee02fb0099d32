/**
 * The plan card's writes load on first use (plan-writes-loader.ts): the first render has no dialog
 * and no alert form, (+) and Change load them, and a failed load throws nothing, says so, and the
 * next press tries again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { planWritesChunk } from '../../src/elements/plan-card/plan-writes-loader.js';
import { planCardStrings } from '../../src/strings/plan-card.js';
import { planCardViewStrings } from '../../src/strings/plan-card-view.js';
import de from '../../src/locales/de.js';
import { dataset, until } from '../helpers/data.js';

const realLoad = planWritesChunk.load;

function adapter(): MemoryAdapter {
  const data = dataset('o1');
  data.o1.plan.creditPacks = [{ amountMinor: 10_000, currency: 'USD' }];
  return createMemoryAdapter(data);
}

async function card(locale?: string, strings?: object): Promise<PlanCard> {
  const el = await fixture<PlanCard>(
    html`<plan-card
      org-id="o1"
      locale=${locale ?? 'en-US'}
      .strings=${strings}
      .adapter=${adapter()}
    ></plan-card>`,
  );
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  return el;
}

const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/** What the card's polite status region says (visually hidden, read by screen readers). */
const statusText = (el: PlanCard) =>
  [...el.shadowRoot!.querySelectorAll('[role="status"]')].map((node) => node.textContent!.trim()).join(' ');

describe('plan-card writes load on first use', () => {
  let loads = 0;
  let failing = false;
  beforeEach(() => {
    loads = 0;
    failing = false;
    // Each test as a page where no card has made its writes yet (else a new card makes them at once).
    planWritesChunk.made = undefined;
    planWritesChunk.load = () => {
      loads += 1;
      return failing
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : realLoad();
    };
  });
  afterEach(() => {
    planWritesChunk.load = realLoad;
  });

  it('renders (+) and the alert row with no dialog and no form, then (+) loads and opens the dialog', async () => {
    const el = await card();
    expect(part(el, 'add-credits')!.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(part(el, 'alert')!.textContent!.trim()).to.equal('Off');
    expect(part(el, 'purchase-dialog') === null).to.equal(true);
    expect(part(el, 'alert-form') === null).to.equal(true);

    part(el, 'add-credits')!.click();
    await el.updateComplete;
    expect(part<HTMLDialogElement>(el, 'purchase-dialog')!.open).to.equal(true);
    // The dialog's styles came with it: a modal dialog styled by purchase-dialog.styles.ts.
    expect(getComputedStyle(part(el, 'purchase-dialog')!).boxSizing).to.equal('border-box');
    await expect(el).to.be.accessible();
  });

  it('the dialog and the form bring their English texts; a catalog and a host replacement still win', async () => {
    // The first load carries none of them (strings/plan-writes.ts comes with the dialog).
    expect('planBuyTitle' in planCardViewStrings || 'planAlertHint' in planCardViewStrings).to.equal(false);
    const cases = [
      {
        locale: 'en-US',
        strings: undefined,
        title: planCardStrings.planBuyTitle,
        hint: planCardStrings.planAlertHint,
      },
      { locale: 'de-DE', strings: undefined, title: de.planBuyTitle, hint: de.planAlertHint },
      {
        locale: 'de-DE',
        strings: { planBuyTitle: 'Top up', planAlertHint: 'Warn me' },
        title: 'Top up',
        hint: 'Warn me',
      },
    ];
    for (const { locale, strings, title, hint } of cases) {
      const el = await card(locale, strings);
      part(el, 'alert-change')!.click();
      await el.updateComplete;
      expect(part(el, 'alert-form')!.querySelector('.note')!.textContent!.trim(), locale).to.equal(hint);
      part(el, 'add-credits')!.click();
      await el.updateComplete;
      expect(part(el, 'dialog-title')!.textContent!.trim(), locale).to.equal(title);
      part<HTMLDialogElement>(el, 'purchase-dialog')!.close();
      await el.updateComplete;
    }
  });

  it('Change loads the alert form and opens it, focus in the field', async () => {
    const el = await card();
    const change = part(el, 'alert-change')!;
    expect(change.getAttribute('aria-expanded')).to.equal('false');
    change.click();
    await el.updateComplete;
    expect(part(el, 'alert-form') !== null).to.equal(true);
    expect(change.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('alert-amount');
    change.click();
    await el.updateComplete;
    expect(part(el, 'alert-form') === null).to.equal(true);
  });

  it('a load that fails throws nothing into the page, says so, and the next press tries again', async () => {
    const el = await card();
    const thrown: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
      thrown.push('reason' in event ? event.reason : event.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      failing = true;
      part(el, 'add-credits')!.click();
      await el.updateComplete;
      expect(part(el, 'purchase-dialog') === null).to.equal(true);
      expect(part(el, 'message')!.textContent!.trim()).to.equal(planCardStrings.planWritesLoadFailed);
      await until(() => statusText(el).includes(planCardStrings.planWritesLoadFailed), 'announced');

      part(el, 'alert-change')!.click();
      await el.updateComplete;
      expect(part(el, 'alert-form') === null).to.equal(true);

      failing = false;
      part(el, 'add-credits')!.click();
      await el.updateComplete;
      expect(part<HTMLDialogElement>(el, 'purchase-dialog')!.open).to.equal(true);
      expect(part(el, 'message') === null).to.equal(true);
      expect(loads).to.be.greaterThanOrEqual(3);
      expect(thrown.length).to.equal(0);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });
});
