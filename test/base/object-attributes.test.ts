/**
 * An object given as an attribute (issue #16: React's hydration in Next.js, a server render, a
 * template writing `adapter="…"`) never reaches the element; it says so once in the console,
 * naming the attribute and the way to set it as a property.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Puts markup into the page as a server or a framework setting attributes would, and waits for the elements' first updates. */
async function parsed(markup: string): Promise<HTMLElement> {
  const box = await fixture<HTMLElement>(html`<div></div>`);
  box.innerHTML = markup;
  await Promise.all(
    [...box.children].map(
      (child) => (child as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete,
    ),
  );
  await frame();
  return box;
}

describe('objects given as attributes', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => (warn = sinon.stub(console, 'warn')));
  afterEach(() => warn.restore());

  it('warns once per tag and attribute, naming both and what to use instead', async () => {
    await parsed('<org-dashboard org-id="org_acme" adapter="[object Object]"></org-dashboard>');
    expect(warn.callCount).to.equal(1);
    const message = String(warn.firstCall.args[0]);
    expect(message).to.contain('<org-dashboard> has adapter="[object Object]"');
    expect(message).to.contain('element.adapter = …');
    expect(message).to.contain('org-dashboard-elements/react');
    await parsed('<org-dashboard org-id="org_beta" adapter="[object Object]"></org-dashboard>');
    expect(warn.callCount, 'a second dashboard with the same mistake').to.equal(1);
  });

  it('names each object a card was given as an attribute: data, links, strings', async () => {
    await parsed(
      '<activity-feed data="[object Object]" links="[object Object]" strings="{}"></activity-feed>',
    );
    expect(warn.args.map(([message]) => String(message).split(':')[0])).to.have.members([
      '<activity-feed> has data="[object Object]"',
      '<activity-feed> has links="[object Object]"',
      '<activity-feed> has strings="{}"',
    ]);
  });

  it('knows every property-only setting from the element’s own declarations: the activity log’s filters', async () => {
    await parsed('<activity-log org-id="org_acme" actions="create,delete"></activity-log>');
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain('<activity-log> has actions="create,delete"');
  });

  it('says nothing when the property is set too, even just after the element was inserted', async () => {
    const card = await fixture<BillingCard>(
      html`<billing-card
        data="[object Object]"
        .data=${{
          currentMonthTotal: { amountMinor: 100, currency: 'EUR' },
          lastMonthTotal: { amountMinor: 100, currency: 'EUR' },
          nextInvoiceDate: '2026-12-01',
        }}
      ></billing-card>`,
    );
    expect(card.state).to.equal('ready');
    const box = await fixture<HTMLElement>(html`<div></div>`);
    box.innerHTML = '<plan-card links="[object Object]"></plan-card>';
    (box.firstElementChild as PlanCard).links = { addCredits: '/credits' };
    await (box.firstElementChild as PlanCard).updateComplete;
    await frame();
    expect(warn.callCount).to.equal(0);
  });

  it('says nothing for elements set up as properties', async () => {
    await parsed('<workspace-stats-card org-id="org_acme"></workspace-stats-card>');
    expect(warn.callCount).to.equal(0);
  });
});
