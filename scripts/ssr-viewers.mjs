// test-ssr.mjs, returning viewers: the announcements panel remembers what its viewer dismissed and
// read in this browser's storage, which no server knows. The server renders every announcement, none
// dismissed and none new; the update that hydrates must render exactly that (Lit's hydration throws
// on any other template), and the viewer's own state shows in the update after it.
import { html } from 'lit';
import { CARDS } from './ssr-cases.mjs';
import { hydratePage, renderOnServer } from './ssr-render.mjs';

const panel = CARDS['announcements-panel'];

/** Each viewer's storage before the page hydrates, and what its panel shows once hydrated. */
const VIEWERS = [
  {
    userId: 'read-before-it',
    // A read mark older than the announcement: it is new to this viewer.
    storage: ['od-announcements-read::read-before-it', '2026-01-01T00:00:00Z'],
    state: 'ready',
    shows: ['1 new', 'Mark all as read', 'New'],
  },
  {
    userId: 'dismissed-it',
    storage: ['od-announcements-dismissed::dismissed-it', JSON.stringify(['n1'])],
    state: 'empty',
    shows: ['You dismissed all of them.', 'Show dismissed (1)'],
  },
];

const panelOf = (userId) =>
  html`<announcements-panel
    .data=${panel.data}
    user-id=${userId}
    locale="en-US"
    time-zone="UTC"
  ></announcements-panel>`;

/** Renders each viewer's panel on the server, hydrates them with the viewer's storage, and reports. */
export async function checkReturningViewers(browser, served, report) {
  const markup = [];
  for (const { userId } of VIEWERS) markup.push(await renderOnServer(panelOf(userId)));
  const { page, problems, adopted, error } = await hydratePage(browser, served, {
    main: markup.join('\n'),
    cardData: { 'announcements-panel': panel.data },
    prepare: (viewers) => {
      for (const { storage } of viewers) localStorage.setItem(...storage);
    },
    prepareArg: VIEWERS,
  });
  try {
    const hydrated = error
      ? []
      : await page.evaluate(() =>
          [...document.querySelectorAll('main > announcements-panel')].map((card) => ({
            state: card.state,
            text: card.shadowRoot.textContent.replace(/\s+/g, ' '),
          })),
        );
    VIEWERS.forEach((viewer, i) => {
      const name = `<announcements-panel> of a returning viewer (${viewer.userId}) hydrates, then shows the viewer's state`;
      if (error) return void report(name, error);
      const { state, text } = hydrated[i];
      // The server rendered the announcement as for anyone: not new, not dismissed.
      const serverShowed = markup[i].includes('Database upgrade') && !markup[i].includes('1 new');
      const missing = viewer.shows.filter((shown) => !text.includes(shown));
      if (problems.length) report(name, new Error(problems.join('; ')));
      else if (!serverShowed)
        report(name, new Error('the server did not render the announcement as for anyone'));
      else if (!adopted) report(name, new Error("the server's DOM was replaced, not hydrated"));
      else if (state !== viewer.state) report(name, new Error(`state ${state}, not ${viewer.state}`));
      else if (missing.length) report(name, new Error(`does not show ${missing.join(', ')}`));
      else report(name);
    });
  } finally {
    await page.close();
  }
}
