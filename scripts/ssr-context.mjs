// test-ssr.mjs, what only the browser knows: a provider's settings (context does not reach a server
// render), the page's `lang` and the viewer's time zone. The server renders without them (English,
// UTC, no links); the update that hydrates renders the same (Lit's hydration keeps what the server
// wrote for the values it is given, and throws on another template), and the next one with them.
import { html } from 'lit';
import { ELEMENTS } from './ssr-cases.mjs';
import { hydratePage, renderOnServer } from './ssr-render.mjs';

const orgInfo = ELEMENTS['org-info-card'].data;
const billing = ELEMENTS['billing-card'].data;
const provided = { strings: { orgInfoOwner: 'Boss' }, links: { invoices: '/invoices/{orgId}' } };

const CASES = [
  {
    name: 'cards in a provider (locale de, time zone Asia/Tokyo, strings, links) hydrate, then show its settings',
    markup: () =>
      renderOnServer(
        html`<org-dashboard-provider
          id="provider"
          org-id="o1"
          locale="de"
          time-zone="Asia/Tokyo"
          .strings=${provided.strings}
          .links=${provided.links}
          ><org-info-card .data=${orgInfo}></org-info-card><billing-card .data=${billing}></billing-card
        ></org-dashboard-provider>`,
      ),
    card: '#provider > org-info-card',
    // Created 2023-03-14T09:26:53Z: 18:26 in Tokyo; the provider's text for the owner.
    shows: ['Boss', '14.03.2023, 18:26'],
    link: { card: '#provider > billing-card', href: '/invoices/o1' },
  },
  {
    name: "a card with no locale or time zone hydrates, then shows the page's language and the viewer's zone",
    markup: async () =>
      `<div lang="de">${await renderOnServer(html`<org-info-card id="bare" .data=${orgInfo}></org-info-card>`)}</div>`,
    card: '#bare',
    // 09:26 UTC is 05:26 in New York, the zone the page is viewed in.
    shows: ['Inhaber', '14.03.2023, 05:26'],
  },
];

export async function checkBrowserOnlySettings(browser, served, report) {
  const { loadLocale } = await import('../dist/index.js');
  // German is loaded where the browser would have it: the server renders without what it cannot know.
  await loadLocale('de');
  const markup = [];
  for (const { markup: render } of CASES) markup.push(await render());
  const client = `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
const provider = document.getElementById('provider');
Object.assign(provider, ${JSON.stringify(provided)});
provider.querySelector('org-info-card').data = ${JSON.stringify(orgInfo)};
provider.querySelector('billing-card').data = ${JSON.stringify(billing)};
document.getElementById('bare').data = ${JSON.stringify(orgInfo)};
window.hydrate = () => import('./dist/define.js');`;
  const { page, problems, adopted, error } = await hydratePage(browser, served, {
    main: markup.join('\n'),
    client,
    timeZone: 'America/New_York',
  });
  try {
    const hydrated = error
      ? []
      : await page.evaluate(
          (cases) =>
            cases.map(({ card, link }) => ({
              text: document.querySelector(card).shadowRoot.textContent.replace(/\s+/g, ' '),
              linked: link
                ? Boolean(
                    document.querySelector(link.card).shadowRoot.querySelector(`a[href="${link.href}"]`),
                  )
                : true,
            })),
          CASES.map(({ card, link }) => ({ card, link })),
        );
    CASES.forEach(({ name, shows }, i) => {
      if (error) return void report(name, error);
      const { text, linked } = hydrated[i];
      const onServer = shows.filter((shown) => markup[i].includes(shown));
      const missing = shows.filter((shown) => !text.includes(shown));
      if (problems.length) report(name, new Error(problems.join('; ')));
      else if (onServer.length) report(name, new Error(`the server rendered ${onServer.join(', ')}`));
      else if (!adopted) report(name, new Error("the server's DOM was replaced, not hydrated"));
      else if (missing.length)
        report(name, new Error(`once hydrated, it does not show ${missing.join(', ')}`));
      else if (!linked) report(name, new Error("once hydrated, the provider's link is not there"));
      else report(name);
    });
  } finally {
    await page.close();
  }
}
