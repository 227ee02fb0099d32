/**
 * Card renders in slices of the page's tasks, so a dashboard's first render
 * (six cards, each a few to tens of milliseconds) never holds the main thread
 * for one long task: the host page stays responsive to input between slices.
 * A render runs at once while the current slice has spent less than
 * `SLICE_MS` on renders; after that it waits for a later task, where renders
 * run in order, again up to `SLICE_MS` (at least one per task). On a visible
 * page a slice lasts until the next animation frame (the tasks of one frame
 * share it); on a hidden page, which gets no frames, until its task ends.
 *
 * What goes `ahead` (the dashboard making its cards) runs before the renders
 * that wait, each first in a task of its own, so every card's requests go
 * out before any card renders.
 *
 * A single live update (one card, in a frame of its own) runs at once, as
 * Lit would run it. The clock is `performance.now()`: under a fake clock
 * that does not move, every render runs at once, as before.
 */

/** How long one task's renders may run before the rest wait for a later task. */
export const SLICE_MS = 12;

interface Waiting {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * How long the open slice's renders took, each timed alone: a slice on a visible page spans the
 * tasks of a frame, and the time between them is not its renders'. Undefined while no slice is open
 * (`sliceOpen`).
 */
let sliceSpent: number | undefined;
/** The animation frame the slice belongs to; undefined when a timer ends it (see `startSlice`). */
let sliceFrame: CSSNumberish | undefined;
/** Renders waiting for a later task, in the order they asked. */
const waiting: Waiting[] = [];
/** What goes before the renders, each alone in a task of its own (see `ahead`). */
const goingAhead: Waiting[] = [];
let drainPosted = false;

/** Callbacks waiting for the next task, run by one message each on one shared channel. */
const tasks: (() => void)[] = [];
let channel: MessageChannel | undefined;

/** The Prioritized Task Scheduling API, where the browser has it (not yet in TypeScript's DOM types). */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}
const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;

/**
 * A task of its own, without `setTimeout`'s clamping (and out of reach of fake timers). Where the
 * browser schedules tasks by priority, a user-blocking one: input still goes first, but the browser
 * does not style, lay out and paint the half-made dashboard between two slices (a frame each, about
 * as long as a slice).
 */
function nextTask(callback: () => void): void {
  if (typeof scheduler?.postTask === 'function') {
    void scheduler.postTask(callback, { priority: 'user-blocking' });
    return;
  }
  if (!channel) {
    // One channel for the page: making a channel per task costs more than the task itself.
    channel = new MessageChannel();
    channel.port1.onmessage = () => tasks.shift()?.();
  }
  tasks.push(callback);
  channel.port2.postMessage(null);
}

/**
 * The page's first use of `Intl` loads the engine's locale data: 30 to 90 ms
 * in one call on a busy machine, whichever formatter asks first (a date in a
 * named time zone, a number, a plural rule). Paid in a few steps of their own,
 * each a task, it never joins a slice's renders in one long task. The objects
 * are thrown away: nothing any element shows or caches changes. `maximize`
 * goes first although no English page calls it: it loads the likely-subtags
 * data every formatter needs, so without it the first `NumberFormat` pays both
 * in one task (cold: 15-40 ms and 15-45 ms apart, 30-70 ms together).
 */
const INTL_WARM_UP: (() => unknown)[] = [
  () => new Intl.Locale('en-US').maximize(),
  () => new Intl.NumberFormat('en-US').format(1),
  () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(0),
  () => new Intl.PluralRules('en-US').select(1),
];
/** The warm-up's steps not yet taken; undefined until the page's first slice. */
let warmUp: (() => unknown)[] | undefined;

const now = () => performance.now();

/**
 * The page's own `setTimeout`, taken before any test can fake it: the end of a slice must come
 * whatever a fake clock does.
 */
const timer = globalThis.setTimeout.bind(globalThis);

/**
 * The current animation frame's time on a visible page, which every task of that frame shares;
 * undefined on a hidden page (it gets no frames, so the time would stand still) and on a server.
 */
function visibleFrame(): CSSNumberish | undefined {
  if (typeof document === 'undefined' || document.visibilityState !== 'visible') return undefined;
  return document.timeline?.currentTime ?? undefined;
}

/**
 * Opens a slice. On a visible page it ends with its animation frame: nothing marks the end, the
 * next frame's time does (`sliceOpen`). Until 2026-12-06 every slice was ended by a timer after its
 * task, which every live update paid for (an update that changes nothing 9% more, a new activity
 * about 3%, updates benchmark side by side). On a hidden page a timer still ends it: a timer, not a
 * message on the channel, which cost a tenth of an update that changes nothing (2026-12-04). A timer
 * may come after other tasks: a render in one of them shares the last slice, and waits for a later
 * task only if that slice is spent.
 */
function startSlice(): void {
  sliceSpent = 0;
  sliceFrame = visibleFrame();
  if (sliceFrame === undefined) timer(endSlice);
}

function endSlice(): void {
  if (!drainPosted && sliceFrame === undefined) sliceSpent = undefined;
}

/** Runs a render in the open slice, adding its time to the slice's. */
function inSlice<T>(run: () => T): T {
  const start = now();
  try {
    return run();
  } finally {
    sliceSpent = (sliceSpent ?? 0) + now() - start;
  }
}

/**
 * Whether the slice still runs: renders are waiting for their task (they keep it open), or it
 * belongs to the current frame, or its timer has not yet ended it.
 */
function sliceOpen(): boolean {
  if (sliceSpent === undefined) return false;
  if (drainPosted || sliceFrame === undefined || sliceFrame === visibleFrame()) return true;
  sliceSpent = undefined;
  return false;
}

function postDrain(): void {
  if (drainPosted) return;
  drainPosted = true;
  nextTask(drain);
}

function settle({ run, resolve, reject }: Waiting): void {
  try {
    resolve(run());
  } catch (error) {
    reject(error);
  }
}

/**
 * One task's slice: what goes ahead, one a task; else one step of the warm-up; else renders, in
 * order, while the slice has room (at least one).
 */
function drain(): void {
  drainPosted = false;
  startSlice();
  const start = now();
  const first = goingAhead.shift();
  const step = first ? undefined : warmUp?.shift();
  if (first) settle(first);
  else if (step)
    try {
      step();
    } catch {
      // An engine without one of these formatters pays its first use where it happens.
    }
  else
    for (let ran = false; waiting.length > 0 && (!ran || now() - start < SLICE_MS); ran = true)
      settle(waiting.shift()!);
  // What waits keeps this slice open, spent by what ran: a render asked for later in this task
  // (a card's update, a microtask) waits too once it is full. With nothing left, a fresh slice.
  if (goingAhead.length > 0 || warmUp?.length || waiting.length > 0) {
    sliceSpent = now() - start;
    postDrain();
  } else startSlice();
}

/**
 * Runs `run` (a card's update) in the current task if its slice has room and
 * nothing waits before it, else in a later task; `defer` always waits (a
 * first render whose data is on its way). `ahead` goes before what waits: it
 * runs now if the slice has room, else first in the next slice (the dashboard
 * making its cards, whose requests should not wait for other cards' renders).
 * Returns what `run` returns, or a promise of it when it waited: Lit's
 * `updateComplete` follows either.
 */
export function runInSlice<T>(run: () => T, { defer = false, ahead = false } = {}): T | Promise<Awaited<T>> {
  if (!warmUp) {
    warmUp = [...INTL_WARM_UP];
    postDrain();
  }
  if (!sliceOpen() && !defer) {
    startSlice();
    return inSlice(run);
  }
  const queue = ahead ? goingAhead : waiting;
  const first = goingAhead.length === 0 && (ahead || waiting.length === 0);
  if (!defer && first && (sliceSpent ?? 0) < SLICE_MS) return inSlice(run);
  return new Promise<Awaited<T>>((resolve, reject) => {
    queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
    postDrain();
  });
}
