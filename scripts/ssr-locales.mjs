// test-ssr.mjs, a card in another language than English. A server renders a locale's texts only when
// its catalog is loaded there (`await loadLocale('de')`: the browser waits for it before a render, a
// server render cannot). Without it the server's texts are English, and say so (`lang="en"`); the
// update that hydrates renders them as the server did (Lit's hydration takes the server's text for the
// value it is given, without writing it) and the next one in German. With it, the server's German is
// hydrated as it is.
import { html } from 'lit';
import { ELEMENTS } from './ssr-cases.mjs';
import { openServedPage, renderOnServer } from './ssr-render.mjs';

const { data } = ELEMENTS['org-info-card'];
const card = (id) => html`<org-info-card id=${id} .data=${data} locale="de" time-zone="UTC"></org-info-card>`;

/** The server's `lang` and the card's texts: `English` ("Owner") or `German` ("Inhaber"). */
const languageOf = (markup) => ({
  lang: /<section[^>]*\slang="([^"]*)"/.exec(markup)?.[1],
  texts: markup.includes('Inhaber') ? 'German' : markup.includes('Owner') ? 'English' : 'neither',
});

/** The two server renders, made once for every browser: the first before this process loads German. */
let rendered;
async function renderBoth() {
  const { loadLocale } = await import('../dist/index.js');
  const english = await renderOnServer(card('without-catalog'));
  await loadLocale('de');
  return [english, await renderOnServer(card('with-catalog'))];
}

export async function checkServerLocales(browser, served, report) {
  rendered ??= renderBoth();
  const [english, german] = await rendered;
  const cases = [
    {
      id: 'without-catalog',
      name: '<org-info-card locale="de"> rendered without its catalog: English (lang="en") on the server, German once hydrated',
      server: { lang: 'en', texts: 'English' },
    },
    {
      id: 'with-catalog',
      name: '<org-info-card locale="de"> rendered after loadLocale: German on the server, hydrated as it is',
      server: { lang: 'de', texts: 'German' },
    },
  ];
  const page = {
    ...served,
    '/locales': [
      'text/html; charset=utf-8',
      `<!doctype html><html lang="en"><head><meta charset="utf-8" /></head><body>
<main>${english}${german}</main>
<script type="application/json" id="card-data">${JSON.stringify({ 'org-info-card': data })}</script>
<script type="module" src="/client.js"></script></body></html>`,
    ],
  };
  const { page: tab, problems } = await openServedPage(browser, page);
  try {
    await tab.goto('http://ssr.test/locales');
    await tab.waitForFunction(() => typeof window.hydrate === 'function');
    const outcome = await tab
      .evaluate(
        async (ids) => {
          const cards = ids.map((id) => document.getElementById(id));
          for (const el of cards) el.shadowRoot.querySelector('[part~="card"]').dataset.fromServer = 'yes';
          await window.hydrate();
          for (const el of cards) await el.updateComplete;
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          for (const el of cards) await el.updateComplete;
          return cards.map((el) => {
            const section = el.shadowRoot.querySelector('[part~="card"]');
            return { adopted: section?.dataset.fromServer === 'yes', markup: el.shadowRoot.innerHTML };
          });
        },
        cases.map(({ id }) => id),
      )
      .catch((error) => cases.map(() => ({ error })));
    cases.forEach(({ name, server }, i) => {
      const onServer = languageOf([english, german][i]);
      const { error, adopted, markup } = outcome[i];
      const hydrated = error ? undefined : languageOf(markup);
      if (error) report(name, error);
      else if (problems.length) report(name, new Error(problems.join('; ')));
      else if (onServer.lang !== server.lang || onServer.texts !== server.texts)
        report(name, new Error(`the server rendered ${onServer.texts} texts with lang="${onServer.lang}"`));
      else if (!adopted) report(name, new Error("the server's DOM was replaced, not hydrated"));
      else if (hydrated.lang !== 'de' || hydrated.texts !== 'German')
        report(name, new Error(`once hydrated: ${hydrated.texts} texts with lang="${hydrated.lang}"`));
      else report(name);
    });
  } finally {
    await tab.close();
  }
}
