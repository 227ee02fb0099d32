// test-ssr.mjs, a card in another language than English. A server renders a locale's texts only when
// its catalog is loaded there (`await loadLocale('de')`: the browser waits for it before a render, a
// server render cannot). Without it the server's texts are English, and say so (`lang="en"`); the
// update that hydrates renders them as the server did (Lit's hydration takes the server's text for the
// value it is given, without writing it) and the next one in German. With it, the server's German is
// hydrated as it is.
import { html } from 'lit';
import { ELEMENTS } from './ssr-cases.mjs';
import { hydratePage, renderOnServer } from './ssr-render.mjs';

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
  const { page, problems, adopted, error } = await hydratePage(browser, served, {
    main: english + german,
    cardData: { 'org-info-card': data },
  });
  try {
    const hydrated = error
      ? []
      : await page.evaluate(
          (ids) => ids.map((id) => document.getElementById(id).shadowRoot.innerHTML),
          cases.map(({ id }) => id),
        );
    cases.forEach(({ name, server }, i) => {
      const onServer = languageOf([english, german][i]);
      const once = error ? undefined : languageOf(hydrated[i]);
      if (error) report(name, error);
      else if (problems.length) report(name, new Error(problems.join('; ')));
      else if (onServer.lang !== server.lang || onServer.texts !== server.texts)
        report(name, new Error(`the server rendered ${onServer.texts} texts with lang="${onServer.lang}"`));
      else if (!adopted) report(name, new Error("the server's DOM was replaced, not hydrated"));
      else if (once.lang !== 'de' || once.texts !== 'German')
        report(name, new Error(`once hydrated: ${once.texts} texts with lang="${once.lang}"`));
      else report(name);
    });
  } finally {
    await page.close();
  }
}
