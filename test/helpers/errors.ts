import { expect } from '@open-wc/testing';
import { DashboardError } from '../../src/contract/errors.js';

/** The `DashboardError` that `run` throws; the test fails if it throws something else, or nothing. */
export function thrownBy(run: () => unknown): DashboardError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(DashboardError);
    return error as DashboardError;
  }
  throw new Error('expected the value to be rejected');
}
