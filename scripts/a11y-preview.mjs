// One Storybook preview page (iframe.html) kept open and shown story after story through
// Storybook's channel, for scripts/a11y-stories.mjs. Loading the preview costs seconds (its
// bundles, the stories' modules, MSW's service worker); switching stories inside it costs a render.
//
// A page shows each story at most once and in one theme only: a story's mocked backend lives in
// its module, so a second visit would find what the first one's play function changed there.

// The functions given to page.evaluate() run in the browser (eslint.config.mjs could list this file
// with scripts/a11y-stories.mjs instead).
/* global window, document, requestAnimationFrame, MutationObserver */

/** Storybook's channel events (storybook/internal/core-events) that end a story's render. */
const FINISHED = 'storyFinished';
const FAILURES = ['storyErrored', 'storyThrewException', 'storyMissing'];

/**
 * Runs in the page before its scripts: records the channel's render events as Storybook creates
 * its channel, so that not even the first story's end can pass unseen.
 */
function recordRenderEvents(names) {
  const events = [];
  let channel;
  Object.defineProperty(window, '__odA11yEvents', { value: events });
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      for (const type of names) next?.on(type, (...args) => events.push({ type, args }));
    },
  });
}

/**
 * Runs in the page: resolves with the end of `storyId`'s render (`{ type, args }`) as the channel
 * reported it, or with a timeout's; events before `from` belong to earlier stories.
 */
function storyEnd(storyId, from, timeoutMs) {
  const events = window.__odA11yEvents;
  const find = () =>
    events
      .slice(from)
      // The failure events name no story; any after `from` is this one's.
      .find(({ type, args }) => type !== 'storyFinished' || args[0]?.storyId === storyId);
  return new Promise((resolve) => {
    const until = performance.now() + timeoutMs;
    const look = () => {
      const end = find();
      if (end) resolve(end);
      else if (performance.now() > until) resolve({ type: 'timeout', args: [] });
      else setTimeout(look, 20);
    };
    look();
  });
}

/**
 * Runs in the page once the story's render (and play function) ended: waits until no card is
 * busy (loading), every Lit element, in every shadow root, has finished updating, and then the DOM
 * has not changed for `quietMs` (a virtual list lays its entries out a frame or two after its
 * update). A story that loads forever (its Loading state) is checked as it shows after `capMs`,
 * and a live story's DOM only rests between its updates.
 */
async function settle(quietMs, capMs) {
  const deepAll = (root, selector, found = []) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element);
      if (element.shadowRoot) deepAll(element.shadowRoot, selector, found);
    }
    return found;
  };
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const root = document.querySelector('#storybook-root') ?? document.body;
  const until = performance.now() + capMs;
  for (;;) {
    const updating = deepAll(root, '*').filter((element) => element.updateComplete instanceof Promise);
    await Promise.all(updating.map((element) => element.updateComplete));
    await frame();
    if (deepAll(root, '[aria-busy="true"]').length === 0 || performance.now() > until) break;
    await sleep(25);
  }
  let changed = performance.now();
  const observer = new MutationObserver(() => (changed = performance.now()));
  const observed = new Set();
  const observeAll = () => {
    for (const node of [root, ...deepAll(root, '*').map((element) => element.shadowRoot)]) {
      if (!node || observed.has(node)) continue;
      observed.add(node);
      observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
    }
  };
  observeAll();
  while (performance.now() - changed < quietMs && performance.now() < until + quietMs) {
    await sleep(25);
    // Shadow roots that appeared meanwhile (their hosts' insertion counted as a change).
    observeAll();
  }
  observer.disconnect();
  await frame();
}

/** What a story's render ended with, as a problem to report, or undefined when it rendered. */
function problemOf(end) {
  if (end.type === FINISHED) {
    const { status } = end.args[0];
    return status === 'success' ? undefined : `the story's render or play function failed (${status})`;
  }
  if (end.type === 'timeout') return 'the story did not finish rendering in time';
  const [detail] = end.args;
  return `${end.type}: ${detail?.title ?? detail?.message ?? JSON.stringify(detail)}`;
}

/**
 * Opens the preview in a browser context of its own, in `theme`, with Storybook's a11y addon
 * switched to manual (it would run axe after every render too). `show(storyId)` renders a story
 * and resolves with a problem (a string) or undefined once it has settled.
 */
export async function openPreview(browser, { url, theme, axeSource, timeoutMs, quietMs, capMs }) {
  // A context of its own: MSW's service worker and the stored dismissals are per context.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.evaluateOnNewDocument(recordRenderEvents, [FINISHED, ...FAILURES]);
  const globals = `theme:${theme};a11y.manual:!true`;
  let loaded = false;
  const seen = new Set();

  async function show(storyId) {
    if (seen.has(storyId)) throw new Error(`${storyId} was shown in this page already`);
    seen.add(storyId);
    let from = 0;
    if (!loaded) {
      await page.goto(
        `${url}/iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story&globals=${globals}`,
      );
      await page.evaluate(axeSource);
      loaded = true;
    } else {
      from = await page.evaluate((id) => {
        // What the previous stories stored is gone, as in a fresh context.
        localStorage.clear();
        sessionStorage.clear();
        const start = window.__odA11yEvents.length;
        window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
        return start;
      }, storyId);
    }
    const end = await page.evaluate(storyEnd, storyId, from, timeoutMs);
    const problem = problemOf(end);
    if (problem) return problem;
    await page.evaluate(settle, quietMs, capMs);
    const shownTheme = await page.evaluate(() => document.documentElement.dataset.odTheme);
    return shownTheme === theme ? undefined : `the page shows theme ${shownTheme}, not ${theme}`;
  }

  return { page, theme, show, close: () => context.close() };
}
