// Media features in Firefox for the `od-emulate-media` test command. WebDriver BiDi has no command for
// prefers-color-scheme, prefers-reduced-motion or forced-colors, and puppeteer's emulateMediaFeatures
// needs the DevTools protocol, which Firefox does not speak. Firefox's own preferences drive those
// features and reach open pages at once; the command sets them from the browser's privileged (chrome)
// context, which BiDi reaches only when Firefox starts with MOZ_REMOTE_ALLOW_SYSTEM_ACCESS set (the
// Firefox test config sets it). Preferences belong to the whole browser, not to one page: the tests
// reset them after use, and Web Test Runner runs one page at a time (concurrency 1).

/** The environment Firefox needs for emulateFirefoxMedia. */
export const FIREFOX_MEDIA_ENV = { MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' };

/** Each feature's value -> the integer preference that gives it. */
const PREFS = {
  'prefers-color-scheme': { pref: 'ui.systemUsesDarkTheme', values: { light: 0, dark: 1 } },
  'prefers-reduced-motion': { pref: 'ui.prefersReducedMotion', values: { 'no-preference': 0, reduce: 1 } },
  // 2: "Override the colors specified by the page: Always", which is what forced-colors: active means.
  'forced-colors': { pref: 'browser.display.document_color_use', values: { none: 0, active: 2 } },
};

const chromeContexts = new WeakMap();

async function chromeContext(connection) {
  if (!chromeContexts.has(connection)) {
    const { result } = await connection.send('browsingContext.getTree', {
      'moz:scope': 'chrome',
      maxDepth: 0,
    });
    const context = result.contexts[0]?.context;
    if (!context) throw new Error('Firefox gave no chrome context (is MOZ_REMOTE_ALLOW_SYSTEM_ACCESS set?)');
    chromeContexts.set(connection, context);
  }
  return chromeContexts.get(connection);
}

/**
 * Emulates `features` ({ 'forced-colors': 'active', ... }) in the Firefox behind a puppeteer `page`
 * (WebDriver BiDi), then waits until the page's media queries report them: a feature or value it
 * cannot give is an error, never a silent no-op.
 */
export async function emulateFirefoxMedia(page, features) {
  const assignments = Object.entries(features).map(([name, value]) => {
    const entry = PREFS[name];
    if (!entry || !(value in entry.values)) throw new Error(`Cannot emulate ${name}: ${value} in Firefox`);
    return [entry.pref, entry.values[value]];
  });
  const connection = page.browser().connection;
  const expression = assignments
    .map(([pref, value]) => `Services.prefs.setIntPref(${JSON.stringify(pref)}, ${value});`)
    .join(' ');
  const { result } = await connection.send('script.evaluate', {
    expression: `${expression} true`,
    target: { context: await chromeContext(connection) },
    awaitPromise: false,
  });
  if (result.type !== 'success')
    throw new Error(`Firefox refused the preferences: ${JSON.stringify(result)}`);

  const queries = Object.entries(features).map(([name, value]) => `(${name}: ${value})`);
  const deadline = Date.now() + 5000;
  for (;;) {
    // Runs in the page.
    const unmet = await page.evaluate(
      (list) => list.filter((query) => !globalThis.matchMedia(query).matches),
      queries,
    );
    if (unmet.length === 0) return true;
    if (Date.now() > deadline) throw new Error(`Firefox does not match ${unmet.join(', ')} after emulation`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
