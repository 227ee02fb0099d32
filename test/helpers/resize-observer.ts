/**
 * The virtualizer measures rows as they render, so a ResizeObserver callback can resize what it
 * observes: browsers then report a (harmless) "ResizeObserver loop" error event on the window, which
 * would fail the test that is running (Mocha listens with `window.onerror`).
 *
 * @lit-labs/virtualizer's own helper for this reads the first argument of every `console.error` as a
 * string; Web Test Runner logs each error event's `error` that way (`undefined` in Firefox, `null` in
 * Chromium), and in Firefox the helper's TypeError then fails the test. This one leaves out exactly
 * the loop errors, in both browsers:
 * - Firefox calls a capturing listener on the window before any other, which stops the event there;
 * - Chromium calls the window's listeners in the order they were added, whatever their phase, so
 *   Mocha's `window.onerror` (added first) is wrapped, and Web Test Runner's log of the event's
 *   `error` (a lone `null` for these) is left out of the console.
 */
const LOOP_MESSAGES = [
  'ResizeObserver loop limit exceeded',
  'ResizeObserver loop completed with undelivered notifications',
];

const isLoopMessage = (message: unknown) =>
  typeof message === 'string' && LOOP_MESSAGES.some((text) => message.includes(text));

function stopLoopError(event: ErrorEvent): void {
  if (!isLoopMessage(event.message)) return;
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** Ignores ResizeObserver loop errors between `before` and `after` (Mocha's beforeEach and afterEach). */
export function ignoreResizeObserverLoopErrors(
  before: (fn: () => void) => void,
  after: (fn: () => void) => void,
): void {
  let restore: (() => void) | undefined;
  before(() => {
    window.addEventListener('error', stopLoopError, { capture: true });
    const { onerror } = window;
    window.onerror = function (message, ...rest) {
      if (isLoopMessage(message)) return true;
      return onerror?.call(this, message, ...rest);
    };
    const consoleError = console.error;
    console.error = (...args: unknown[]) => {
      if (args.length === 1 && args[0] === null) return;
      consoleError.apply(console, args);
    };
    restore = () => {
      window.removeEventListener('error', stopLoopError, { capture: true });
      window.onerror = onerror;
      console.error = consoleError;
    };
  });
  after(() => {
    restore?.();
    restore = undefined;
  });
}
