// test-ssr.mjs, returning viewers: the announcements panel remembers what its viewer dismissed and
// read in this browser's storage, which no server knows. The server renders every announcement, none
// dismissed and none new; the update that hydrates must render exactly that (Lit's hydration throws
// on any other template), and the viewer's own state shows in the update after it.
import { html } from 'lit';
import { CARDS } from './ssr-cases.mjs';
import { openServedPage, renderOnServer } from './ssr-render.mjs';

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
  const page = {
    ...served,
    '/viewers': [
      'text/html; charset=utf-8',
      `<!doctype html><html lang="en"><head><meta charset="utf-8" /></head><body>
<main>${markup.join('\n')}</main>
<script type="application/json" id="card-data">${JSON.stringify({ 'announcements-panel': panel.data })}</script>
<script type="module" src="/client.js"></script></body></html>`,
    ],
  };
  const { page: tab, problems } = await openServedPage(browser, page);
  try {
    await tab.goto('http://ssr.test/viewers');
    await tab.waitForFunction(() => typeof window.hydrate === 'function');
    const outcome = await tab
      .evaluate(async (viewers) => {
        const panels = [...document.querySelectorAll('main > announcements-panel')];
        for (const { storage } of viewers) localStorage.setItem(...storage);
        for (const card of panels) card.shadowRoot.querySelector('[part~="card"]').dataset.fromServer = 'yes';
        const serverText = panels.map((card) => card.shadowRoot.textContent);
        await window.hydrate();
        for (const card of panels) await card.updateComplete;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        for (const card of panels) await card.updateComplete;
        return panels.map((card, i) => ({
          serverShowed: serverText[i].includes('Database upgrade') && !serverText[i].includes('1 new'),
          adopted: card.shadowRoot.querySelector('[part~="card"]')?.dataset.fromServer === 'yes',
          state: card.state,
          text: card.shadowRoot.textContent.replace(/\s+/g, ' '),
        }));
      }, VIEWERS)
      // A hydration that throws rejects the panels' updates: each viewer's check reports it.
      .catch((error) => VIEWERS.map(() => ({ error })));
    VIEWERS.forEach((viewer, i) => {
      const name = `<announcements-panel> of a returning viewer (${viewer.userId}) hydrates, then shows the viewer's state`;
      const { error, serverShowed, adopted, state, text } = outcome[i];
      if (error) return void report(name, error);
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
    await tab.close();
  }
}
