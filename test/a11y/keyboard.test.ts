import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import { deepActive } from '../helpers/a11y.js';
import { dataset, maintenanceNotice, until } from '../helpers/data.js';

type Card = HTMLElement & { state: CardState };

/** Every element of the dashboard a keyboard user must be able to reach. */
function controlsOf(root: ShadowRoot | Element): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    const hidden = element.closest('[hidden]') || getComputedStyle(element).display === 'none';
    if (!hidden && element.matches('button, a[href], input, select, textarea, [tabindex="0"]'))
      found.push(element);
    if (element.shadowRoot) found.push(...controlsOf(element.shadowRoot));
  }
  return found;
}

const describeElement = (element: Element | null) =>
  element ? `${element.localName}[part=${element.getAttribute('part') ?? ''}]` : 'nothing';

async function dashboardBetweenButtons() {
  const data = dataset('o1');
  data.o1.announcements = [maintenanceNotice({ url: 'https://status.example.com/n1' })];
  const adapter = createMemoryAdapter(data);
  const page = await fixture<HTMLElement>(html`
    <div>
      <button id="before">Before</button>
      <org-dashboard
        org-id="o1"
        locale="en-US"
        .adapter=${adapter}
        .links=${{ invoices: '/invoices/{orgId}' }}
      ></org-dashboard>
      <button id="after">After</button>
    </div>
  `);
  const dashboard = page.querySelector<OrgDashboard>('org-dashboard')!;
  const cards = () => [...dashboard.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')];
  await until(() => cards().length === 6 && cards().every((c) => c.state === 'ready'), 'every card ready');
  await Promise.all(
    cards().map((c) => (c as unknown as { updateComplete: Promise<unknown> }).updateComplete),
  );
  return { page, dashboard };
}

describe('keyboard', () => {
  it('reaches every action of <org-dashboard> with Tab, in order, and leaves it for the page after', async () => {
    const { page, dashboard } = await dashboardBetweenButtons();
    const controls = controlsOf(dashboard.shadowRoot!);
    expect(controls.length).to.be.at.least(10);
    page.querySelector<HTMLButtonElement>('#before')!.focus();
    const reached: Element[] = [];
    for (let i = 0; i < controls.length + 5; i += 1) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      if (active?.id === 'after') break;
      reached.push(active!);
    }
    expect(deepActive()?.id, `focus after ${describeElement(reached.at(-1) ?? null)}`).to.equal('after');
    const missed = controls.filter((control) => !reached.includes(control)).map(describeElement);
    expect(missed, 'never reached').to.deep.equal([]);
    expect(reached.length, 'each control once').to.equal(controls.length);
    // And back: Shift+Tab returns into the dashboard, to its last control (no trap either way).
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal(controls.at(-1));
  });

  it('operates actions with Enter and Space, and discloses with the keyboard', async () => {
    const { dashboard } = await dashboardBetweenButtons();
    const controls = controlsOf(dashboard.shadowRoot!) as HTMLElement[];
    const byPart = (name: string) => controls.find((c) => c.matches(`[part~="${name}"]`))!;

    const invoices = byPart('view-invoices');
    invoices.focus();
    const viewed = oneEvent(dashboard, 'od-view-invoices');
    dashboard.addEventListener('od-view-invoices', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    expect((await viewed).detail.href).to.equal('/invoices/o1');

    // The adapter can buy credits: Space opens the purchase dialog (modal), and Escape closes it,
    // focus back on (+) (the dialog's own keyboard flow is in plan-card-purchase.test.ts).
    const plus = byPart('add-credits');
    plus.focus();
    const added = oneEvent(dashboard, 'od-add-credits');
    await sendKeys({ press: ' ' });
    expect((await added).detail.orgId).to.equal('o1');
    const planCard = plus.getRootNode() as ShadowRoot;
    // The dialog loads on this first press (an import()), then opens.
    const dialogOf = () => planCard.querySelector<HTMLDialogElement>('[part~="purchase-dialog"]');
    await until(() => dialogOf()?.open === true, 'purchase dialog open');
    const dialog = dialogOf()!;
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'purchase dialog closed');
    expect(deepActive() === plus, 'focus back on (+)').to.equal(true);

    const toggle = byPart('toggle');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'disclosure open');
    await sendKeys({ press: ' ' });
    await until(() => toggle.getAttribute('aria-expanded') === 'false', 'disclosure closed');
  });
});
