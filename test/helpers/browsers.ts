/**
 * The one sanctioned way for a test to not run in a browser. The suite runs in Chromium
 * (`npm test`) and in Firefox (`npm run test:firefox`); a test that depends on something only
 * Chromium has is skipped in Firefox, in the open: Mocha marks it skipped (Web Test Runner counts it
 * as "skipped", never as passed), and the reason goes to the browser log printed beside the file's
 * results. Skips are the exception: a test that can work in both browsers must.
 */

/** Whether the tests run in Firefox. */
export const IN_FIREFOX = navigator.userAgent.includes('Firefox/');

/**
 * Skips the current test, or every test of the suite when called from a `before` hook, in Firefox
 * only. `context` is Mocha's `this` (a `function () {}` callback, not an arrow function).
 */
export function skipInFirefox(context: Mocha.Context, reason: string): void {
  if (!IN_FIREFOX) return;
  const runnable = context.test;
  const suite = runnable?.parent;
  const what = runnable?.title.startsWith('"before all" hook')
    ? `every test of "${suite?.fullTitle()}" (${suite?.total()})`
    : `"${(context.currentTest ?? runnable)?.fullTitle()}"`;
  console.log(`Skipped in Firefox: ${what}: ${reason}`);
  context.skip();
}
