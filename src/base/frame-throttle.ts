/** How soon a hidden page (which gets no animation frames) runs what waits: an awaited update must land. */
const FALLBACK_MS = 100;
/** Longest wait for a frame on a visible page. */
const MAX_WAIT_MS = 1000;

/** The current frame's time: shared by every task until the next frame starts. */
const frameNow = () => (typeof document === 'undefined' ? undefined : document.timeline?.currentTime);

const isVisible = () =>
  typeof document !== 'undefined' &&
  document.visibilityState === 'visible' &&
  typeof requestAnimationFrame === 'function';

/**
 * Runs `run` at most once per animation frame. The first request runs at
 * once, so a single live update shows without delay; further requests in the
 * same frame are coalesced into one run at the next frame. A burst of live
 * events thus costs a card one render per frame. `idle` resolves once no
 * request waits, so `updateComplete` can include a coalesced render.
 */
export class FrameThrottle {
  #waiting = false;
  #pending = false;
  /**
   * The frame of the last run, or of its work when that came later (`ran`):
   * the document timeline's time, which tasks and animation-frame callbacks of
   * one frame share. A request later in that same frame waits for the next one.
   */
  #lastFrame?: CSSNumberish | null;
  #idlePromise?: Promise<void>;
  #resolveIdle?: () => void;

  readonly #run: () => void;

  constructor(run: () => void) {
    this.#run = run;
  }

  /** Whether a coalesced run is waiting for the next frame. */
  get hasPending(): boolean {
    return this.#pending;
  }

  /** Resolves once no coalesced run is waiting. */
  get idle(): Promise<void> {
    return this.#idlePromise ?? Promise.resolve();
  }

  readonly request = (): void => {
    const frame = frameNow();
    if (this.#waiting || (frame != null && frame === this.#lastFrame && isVisible())) {
      if (!this.#pending) {
        this.#pending = true;
        this.#idlePromise = new Promise((resolve) => (this.#resolveIdle = resolve));
      }
      if (!this.#waiting) this.#waitForFrame();
      return;
    }
    this.#runNow(frame);
    // Where the frame can be read (a visible page), a request later in this frame finds it above and
    // waits then: a lone live update costs no frame callback or timer. Elsewhere, wait for the frame.
    if (frame == null || !isVisible()) this.#waitForFrame();
  };

  /**
   * The work a run asked for happened now, perhaps frames after the run: a
   * card's render can wait for a slice of a later task (`runInSlice`) and land
   * in the next frame. That frame then has had its run, so a request later in
   * it waits for the next frame, as after any run. Without this the burst
   * benchmark saw two renders in one frame now and then: the late render, and
   * a request of the same frame that found the frame of the run long past.
   */
  ran(): void {
    this.#lastFrame = frameNow();
  }

  /** Runs now, in the frame `frame` (read by the caller when it already has it). */
  #runNow(frame = frameNow()): void {
    this.#lastFrame = frame;
    this.#run();
  }

  #waitForFrame(): void {
    this.#waiting = true;
    let done = false;
    let waited = 0;
    const onFrame = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.#flush();
    };
    // A visible page gets its frame, however late (a busy main thread): running from the timer
    // there would render twice in one frame. So the timer only stands in for frames a hidden page
    // does not get, or, after a second, for frames a throttled page (an off-screen iframe) holds back.
    const onTimeout = () => {
      waited += FALLBACK_MS;
      if (waited < MAX_WAIT_MS && isVisible()) timer = setTimeout(onTimeout, FALLBACK_MS);
      else onFrame();
    };
    // The browser moves the timeline to a frame's time when the frame starts, before the tasks that
    // come ahead of its animation-frame callbacks: a run in one of those tasks is painted with this
    // frame, so what waited after it waits for the next one, or this frame would render twice.
    const onAnimationFrame = () => {
      if (done) return;
      const frame = frameNow();
      if (frame != null && frame === this.#lastFrame && isVisible()) requestAnimationFrame(onAnimationFrame);
      else onFrame();
    };
    let timer = setTimeout(onTimeout, FALLBACK_MS);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(onAnimationFrame);
  }

  #flush(): void {
    if (!this.#pending) {
      this.#waiting = false;
      return;
    }
    this.#pending = false;
    const resolve = this.#resolveIdle;
    this.#idlePromise = undefined;
    this.#resolveIdle = undefined;
    this.#runNow();
    resolve?.();
    this.#waitForFrame();
  }
}
