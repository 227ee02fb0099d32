import { expect, nextFrame } from '@open-wc/testing';
import fc from 'fast-check';
import { FrameThrottle } from '../../src/base/frame-throttle.js';

describe('FrameThrottle', () => {
  it('runs the first request at once and coalesces the rest of the frame into one run', async () => {
    let runs = 0;
    const throttle = new FrameThrottle(() => (runs += 1));
    throttle.request();
    expect(runs).to.equal(1);
    for (let i = 0; i < 50; i += 1) throttle.request();
    expect(runs).to.equal(1);
    expect(throttle.hasPending).to.equal(true);
    await throttle.idle;
    expect(runs).to.equal(2);
    expect(throttle.hasPending).to.equal(false);
  });

  it('does not run again when nothing arrived during the frame', async () => {
    let runs = 0;
    const throttle = new FrameThrottle(() => (runs += 1));
    throttle.request();
    await nextFrame();
    await nextFrame();
    expect(runs).to.equal(1);
    throttle.request();
    expect(runs).to.equal(2);
  });

  it("counts work that lands in a later frame as that frame's run: a request later in it waits", async () => {
    let runs = 0;
    const throttle = new FrameThrottle(() => (runs += 1));
    throttle.request();
    expect(runs).to.equal(1);
    // The run's work (a render waiting for a slice of a later task) happens frames later.
    await nextFrame();
    await nextFrame();
    throttle.ran();
    throttle.request();
    expect(runs, 'a second run in the frame of the late work').to.equal(1);
    await throttle.idle;
    expect(runs).to.equal(2);
  });
  it('runs what waited in the next frame, not in the callbacks of the frame its first run is painted with', () => {
    const frames = fakeFrames();
    try {
      let runs = 0;
      const throttle = new FrameThrottle(() => (runs += 1));
      // The timeline moves to a frame's time when the frame starts, before the tasks that come
      // ahead of its animation-frame callbacks (seen in Chromium during the burst benchmark).
      frames.begin();
      throttle.request();
      expect(runs).to.equal(1);
      throttle.request();
      frames.callbacks();
      expect(runs, 'a second run before the frame is painted').to.equal(1);
      frames.begin();
      frames.callbacks();
      expect(runs).to.equal(2);
      expect(throttle.hasPending).to.equal(false);
    } finally {
      frames.restore();
    }
  });

  it('never runs twice in one frame and never leaves a request behind, whatever the order of tasks and frames', () => {
    type Step = 'request' | 'begin' | 'callbacks';
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Step>('request', 'request', 'begin', 'callbacks'), { maxLength: 60 }),
        (steps) => {
          const frames = fakeFrames();
          try {
            const runs: { time: number; step: number }[] = [];
            let step = 0;
            const throttle = new FrameThrottle(() => runs.push({ time: frames.time, step }));
            let lastRequest = -1;
            steps.forEach((kind, at) => {
              step = at;
              if (kind === 'request') {
                lastRequest = at;
                throttle.request();
              } else if (kind === 'begin') frames.begin();
              else frames.callbacks();
            });
            // Two more frames: whatever waited has run by then, in a run after the last request.
            step = steps.length;
            for (let i = 0; i < 2; i += 1) {
              frames.begin();
              frames.callbacks();
            }
            const times = runs.map((run) => run.time);
            expect(new Set(times).size, `runs in frames ${times.join(', ')}`).to.equal(times.length);
            expect(throttle.hasPending).to.equal(false);
            if (lastRequest >= 0)
              expect(runs.at(-1)?.step, 'a run at or after the last request').to.be.at.least(lastRequest);
          } finally {
            frames.restore();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * A frame clock the test drives: the document timeline's time, and the animation-frame callbacks,
 * which a real frame runs after the timeline has moved to its time and after the tasks before them.
 * Each frame's callbacks run once: `callbacks` again in the same frame runs nothing, and `begin`
 * first runs the callbacks of a frame that has not had them.
 */
function fakeFrames() {
  let time = 1000;
  let called = true;
  let waiting: FrameRequestCallback[] = [];
  const realRequest = window.requestAnimationFrame;
  Object.defineProperty(document.timeline, 'currentTime', { configurable: true, get: () => time });
  window.requestAnimationFrame = (callback) => waiting.push(callback);
  const callbacks = () => {
    if (called) return;
    called = true;
    const due = waiting;
    waiting = [];
    for (const callback of due) callback(time);
  };
  return {
    get time() {
      return time;
    },
    begin() {
      callbacks();
      time += 16.7;
      called = false;
    },
    callbacks,
    restore() {
      delete (document.timeline as { currentTime?: unknown }).currentTime;
      window.requestAnimationFrame = realRequest;
    },
  };
}
