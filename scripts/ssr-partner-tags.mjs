// test-ssr.mjs, a partner's tags: a server-rendered `<org-dashboard>` hydrates in a page where the
// partner registered card classes under tags of its own before hydration (README, "White-labeling").
// The server rendered the default tags; the update that hydrates must render what the server wrote
// (Lit's hydration throws on anything else, and every card after the mismatch stays unhydrated, in
// its skeleton for good), and the next one puts the partner's cards in their place.
import { html } from 'lit';
import { hydratePage, renderOnServer } from './ssr-render.mjs';

const NAME =
  '<org-dashboard> with partner tags (acme-billing, acme-plan) hydrates, then shows every card under its tag';

export async function checkPartnerTags(browser, served, report) {
  const main = await renderOnServer(
    html`<org-dashboard org-id="org_acme" locale="en-US" time-zone="UTC"></org-dashboard>`,
  );
  const client = `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { BillingCard, PlanCard } from './dist/index.js';
import { createDataset, createMemoryAdapter } from './dist/fixtures.js';
customElements.define('acme-billing', BillingCard);
customElements.define('acme-plan', PlanCard);
document.querySelector('org-dashboard').adapter = createMemoryAdapter(createDataset());
window.hydrate = () => import('./dist/define.js');`;
  const { page, problems, error } = await hydratePage(browser, served, { main, client });
  try {
    if (error) return void report(NAME, error);
    const states = await page.evaluate(async () => {
      const dashboard = document.querySelector('org-dashboard');
      const cards = () => [...dashboard.shadowRoot.querySelectorAll('[part~="grid"] > *')];
      const shown = () => cards().map((card) => `${card.localName}:${card.state}`);
      // Room that cannot run out: the cards load from the memory adapter once hydrated.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && cards().some((card) => card.state !== 'ready'))
        await new Promise((done) => setTimeout(done, 50));
      return shown();
    });
    const expected = [
      'org-info-card:ready',
      'workspace-stats-card:ready',
      'acme-billing:ready',
      'acme-plan:ready',
      'activity-feed:ready',
      'announcements-panel:ready',
    ];
    if (problems.length) report(NAME, new Error(problems.join('; ')));
    else if (states.join() !== expected.join()) report(NAME, new Error(`cards: ${states.join(', ')}`));
    else report(NAME);
  } finally {
    await page.close();
  }
}
