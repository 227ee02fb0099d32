import { expect, nextFrame } from '@open-wc/testing';
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
});
