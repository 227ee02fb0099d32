import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { WorkspaceStats } from '../../src/contract/types.js';
import type { WorkspaceStatsCard } from '../../src/elements/workspace-stats-card/workspace-stats-card.js';

const stats: WorkspaceStats = { total: 1200, active: 1000, suspended: 100, others: 100 };
const box = (card: HTMLElement) => card.shadowRoot!.querySelector<HTMLElement>('[part~="card"]')!;
const total = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim();
/** The total as the platform writes it in `locale`: the oracle for which locale the card used. */
const totalIn = (locale: string) => new Intl.NumberFormat(locale).format(stats.total);

/** The calls of `closest` that looked for a `lang` while `run` ran. */
async function langLookups(run: () => Promise<unknown>): Promise<number> {
  const closest = sinon.spy(Element.prototype, 'closest');
  try {
    await run();
    return closest.getCalls().filter((call) => call.args[0] === '[lang]').length;
  } finally {
    closest.restore();
  }
}

describe('the locale of a card', () => {
  it('is its own or the provider’s when given: an update does not search the page for a `lang`', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="fr"><workspace-stats-card locale="de-DE" .data=${stats}></workspace-stats-card></div>`,
    );
    const card = wrapper.querySelector<WorkspaceStatsCard>('workspace-stats-card')!;
    await card.updateComplete;
    expect(box(card).getAttribute('lang')).to.equal('de-DE');
    const lookups = await langLookups(async () => {
      card.requestUpdate();
      await card.updateComplete;
    });
    expect(lookups).to.equal(0);
    expect(total(card)).to.equal(totalIn('de-DE'));
    expect(total(card)).not.to.equal(totalIn('fr'));

    const provided = await fixture<HTMLElement>(html`
      <div lang="fr">
        <org-dashboard-provider locale="de-DE"
          ><workspace-stats-card .data=${stats}></workspace-stats-card
        ></org-dashboard-provider>
      </div>
    `);
    const inProvider = provided.querySelector<WorkspaceStatsCard>('workspace-stats-card')!;
    await inProvider.updateComplete;
    expect(box(inProvider).getAttribute('lang')).to.equal('de-DE');
    expect(
      await langLookups(async () => (inProvider.requestUpdate(), await inProvider.updateComplete)),
    ).to.equal(0);
  });

  it('is the nearest `lang` without one, or with one that is not a locale, read again on each update', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="de-DE">
        <workspace-stats-card .data=${stats}></workspace-stats-card>
        <workspace-stats-card locale="not a locale!" .data=${stats}></workspace-stats-card>
      </div>
    `);
    const cards = [...wrapper.querySelectorAll<WorkspaceStatsCard>('workspace-stats-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    for (const card of cards) expect(box(card).getAttribute('lang')).to.equal('de-DE');
    wrapper.lang = 'en-US';
    for (const card of cards) card.requestUpdate();
    await Promise.all(cards.map((card) => card.updateComplete));
    for (const card of cards) {
      expect(box(card).getAttribute('lang')).to.equal('en-US');
      expect(total(card)).to.equal(totalIn('en-US'));
      expect(total(card)).not.to.equal(totalIn('de-DE'));
    }
  });
});
