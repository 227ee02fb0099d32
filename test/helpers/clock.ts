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
