/** Longest wait for a frame: hidden pages get no animation frames, and an awaited update must still land. */
const FALLBACK_MS = 100;

/**
 * Runs `run` at most once per animation frame. The first request runs at
 * once, so a single live update shows without delay; further requests in the
 * same frame are coalesced into one run at the next frame. A burst of live
 * events thus costs a card one render per frame. `idle` resolves once no
 * request waits, so `updateComplete` can include a coalesced render.
 */
export class FrameThrottle {
  private waiting = false;
  private pending = false;
  private idlePromise?: Promise<void>;
  private resolveIdle?: () => void;

  constructor(private readonly run: () => void) {}

  /** Whether a coalesced run is waiting for the next frame. */
  get hasPending(): boolean {
    return this.pending;
  }

  /** Resolves once no coalesced run is waiting. */
  get idle(): Promise<void> {
    return this.idlePromise ?? Promise.resolve();
  }

  readonly request = (): void => {
    if (this.waiting) {
      if (!this.pending) {
        this.pending = true;
        this.idlePromise = new Promise((resolve) => (this.resolveIdle = resolve));
      }
      return;
    }
    this.run();
    this.waitForFrame();
  };

  private waitForFrame(): void {
    this.waiting = true;
    let done = false;
    const onFrame = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.flush();
    };
    const timer = setTimeout(onFrame, FALLBACK_MS);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(onFrame);
  }

  private flush(): void {
    if (!this.pending) {
      this.waiting = false;
      return;
    }
    this.pending = false;
    const resolve = this.resolveIdle;
    this.idlePromise = undefined;
    this.resolveIdle = undefined;
    this.run();
    resolve?.();
    this.waitForFrame();
  }
}
