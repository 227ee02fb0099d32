/**
 * Quick actions (DESIGN.md, "Quick actions and events"): a real link when the host configured a
 * URL for the action, and always a cancelable, bubbling, composed `od-*` event first whose detail
 * is `{ orgId }` and, where one is configured, the resolved `href`. A template that cannot make a
 * safe link for the org shown (an unsafe scheme; `{orgId}` with no org, or with `.` or `..`,
 * which are not a path segment) makes no link: the action is a button, its event has no `href`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-card.js';
import type { DashboardActionEvent } from '../../src/base/actions.js';
import type { BillingSummary } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';

const BILLING: BillingSummary = {
  currentMonthTotal: { amountMinor: 123456, currency: 'USD' },
  lastMonthTotal: { amountMinor: 100000, currency: 'USD' },
  nextInvoiceDate: '2026-12-01',
};

/** A controlled billing card of `orgId` (none when undefined) with an `invoices` template. */
async function cardWith(template: string, orgId?: string): Promise<BillingCard> {
  const card = await fixture<BillingCard>(
    html`<billing-card .data=${BILLING} .orgId=${orgId} .links=${{ invoices: template }}></billing-card>`,
  );
  await card.updateComplete;
  return card;
}

/** The action as rendered (`a href` or `button`) and the detail of the event a click fires. */
function actionOf(card: BillingCard): { element: string; detail?: DashboardActionEvent['detail'] } {
  const action = card.shadowRoot!.querySelector<HTMLElement>('[part~="view-invoices"]')!;
  const element = action.localName === 'a' ? `a ${action.getAttribute('href')}` : action.localName;
  let detail: DashboardActionEvent['detail'] | undefined;
  const listener = (event: DashboardActionEvent) => {
    detail = event.detail;
    // The host routes itself: the test page must not navigate.
    event.preventDefault();
  };
  card.addEventListener('od-view-invoices', listener);
  action.click();
  card.removeEventListener('od-view-invoices', listener);
  return { element, detail };
}

describe('quick actions', () => {
  it('a template with {orgId} and an org makes a link, and the event carries its href', async () => {
    const card = await cardWith('/organizations/{orgId}/billing/invoices', 'acme');
    expect(actionOf(card)).to.deep.equal({
      element: 'a /organizations/acme/billing/invoices',
      detail: { orgId: 'acme', href: '/organizations/acme/billing/invoices' },
    });
  });

  it('a template whose URL has an unsafe scheme makes a button, and an event without href', async () => {
    for (const template of ['javascript:alert(1)//{orgId}', ' JaVaScRiPt:alert(1)', 'data:text/html,x']) {
      const card = await cardWith(template, 'acme');
      expect(actionOf(card), template).to.deep.equal({ element: 'button', detail: { orgId: 'acme' } });
    }
  });

  it('{orgId} with no org shown makes no link to an empty path segment', async () => {
    const card = await cardWith('/organizations/{orgId}/billing/invoices');
    expect(actionOf(card)).to.deep.equal({ element: 'button', detail: { orgId: '' } });
  });

  it('{orgId} with an org of "." or ".." makes no link that climbs the path', async () => {
    for (const orgId of ['.', '..']) {
      const card = await cardWith('/organizations/{orgId}/billing/invoices', orgId);
      expect(actionOf(card), orgId).to.deep.equal({ element: 'button', detail: { orgId } });
    }
  });

  it('a template without {orgId} needs no org: it is a link', async () => {
    const card = await cardWith('/billing/invoices');
    expect(actionOf(card)).to.deep.equal({
      element: 'a /billing/invoices',
      detail: { orgId: '', href: '/billing/invoices' },
    });
  });

  it('the event is cancelable, bubbles and crosses shadow roots', async () => {
    const card = await cardWith('/organizations/{orgId}/billing/invoices', 'acme');
    let seen: DashboardActionEvent | undefined;
    const listener = (event: Event) => {
      seen = event as DashboardActionEvent;
      event.preventDefault();
    };
    document.addEventListener('od-view-invoices', listener);
    card.shadowRoot!.querySelector<HTMLElement>('[part~="view-invoices"]')!.click();
    document.removeEventListener('od-view-invoices', listener);
    expect(`${seen?.cancelable} ${seen?.bubbles} ${seen?.composed} ${seen?.target === card}`).to.equal(
      'true true true true',
    );
  });
});
