/**
 * Live stories: the server (or the memory adapter) sends a new snapshot every few seconds while the
 * story shows, and stops when Storybook leaves the story.
 */
import type { DashboardEvent } from '../../src/contract/types.js';
import { createActivity, type FixtureOrgId } from '../../src/mocks/fixtures.js';

/** Calls `step` with 1, 2, 3... every `everyMs`; returns the cleanup, for a story's `beforeEach`. */
export function everyTick(everyMs: number, step: (tick: number) => void): () => void {
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    step(tick);
  }, everyMs);
  return () => clearInterval(timer);
}

/** What takes live events: the mocked API of a story's backend, or a memory adapter. */
export interface LiveSource {
  emit(orgId: string, event: DashboardEvent): unknown;
}

/** Emits a fresh activity for `orgId` every `everyMs`; returns the cleanup for `beforeEach`. */
export function emitActivities(source: LiveSource, orgId: FixtureOrgId, everyMs: number): () => void {
  return everyTick(everyMs, (sequence) =>
    source.emit(orgId, { topic: 'activity', data: createActivity(orgId, { sequence, at: Date.now() }) }),
  );
}
