import sinon from 'sinon';

/**
 * Fakes setTimeout, clearTimeout and Date for each test of the calling `describe` (promises, fetch
 * and MessageChannel stay real) and restores them after it; `use` receives each test's clock.
 */
export function fakeTimeoutsEachTest(use: (clock: sinon.SinonFakeTimers) => void): void {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    use(clock);
  });
  afterEach(() => clock.restore());
}

/**
 * A page that polls, for each test of the calling `describe`: visible unless `hidden()` says so
 * (test pages may run in background tabs, which are hidden, and polling pauses there), with
 * setInterval, clearInterval and Date faked from 2026-11-21; restored after it. Returns each
 * test's clock.
 */
export function pollingPageEachTest(hidden: () => boolean = () => false): () => sinon.SinonFakeTimers {
  let clock: sinon.SinonFakeTimers | undefined;
  beforeEach(() => {
    sinon.stub(document, 'visibilityState').get(() => (hidden() ? 'hidden' : 'visible'));
    clock = sinon.useFakeTimers({
      now: Date.UTC(2026, 10, 21),
      toFake: ['setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => {
    clock?.restore();
    sinon.restore();
  });
  return () => clock!;
}

/** One real macrotask, which fake timers do not hold back (a message through a MessageChannel). */
export function realTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Waits in real time, however long the browser takes, until `check` holds: for what the browser
 * does on its own under a fake clock (reading a response body), before the test moves the clock.
 * The limit only ends a test that would otherwise hang.
 */
export async function untilReal(check: () => boolean, what = 'condition', timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await realTask();
  }
}

/**
 * Counts the page's tasks from now on: one task after another, up to `limit` (so a test that forgets
 * `stop` does not keep the page busy). Each is queued as the render slices queue theirs
 * (base/task-slices.ts: a user-blocking `scheduler.postTask` where the browser has it, else a
 * message), so the two take turns in one queue and the count tells their tasks apart.
 */
export function countTasks(limit = 200): { readonly current: number; stop(): void } {
  let current = 0;
  let stopped = false;
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  const channel = new MessageChannel();
  const post = (task: () => void) => {
    if (typeof scheduler?.postTask === 'function')
      void scheduler.postTask(task, { priority: 'user-blocking' });
    else channel.port2.postMessage(null);
  };
  const next = () => {
    if (stopped) return;
    current += 1;
    if (current < limit) post(next);
  };
  channel.port1.onmessage = next;
  next();
  return {
    get current() {
      return current;
    },
    stop: () => {
      stopped = true;
      channel.port1.close();
    },
  };
}

type PostTask = (callback: () => void, options: { priority: 'user-blocking' }) => Promise<unknown>;
