/**
 * removed-elements.test.ts after the viewer has used the element: a removed element is collected
 * with its purchase dialog open, an exact time shown, or after a long scroll of the activity log
 * (its virtualizer's observers, the pages it asked for on the way).
 *
 * Chromium only (test/helpers/removal.ts): Firefox has no way to force a collection.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import { minuteApart, scroller, scrollUntil } from '../helpers/activities.js';
import { until } from '../helpers/data.js';
import { collected, mount, needsGc, orgO1, removed } from '../helpers/removal.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** A plan card with its purchase dialog open (its module loaded for real), then removed. */
async function removedWithDialogOpen(): Promise<WeakRef<HTMLElement>> {
  const { el, container } = mount('plan-card', createMemoryAdapter({ o1: orgO1() }));
  await until(() => el.state === 'ready', 'plan-card ready');
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLElement>('[part~="add-credits"]')!.click();
  await until(
    () => el.shadowRoot!.querySelector<HTMLDialogElement>('[part~="purchase-dialog"]')?.open === true,
    'the dialog open',
  );
  return removed(el, container);
}

/**
 * An activity log of 500 entries scrolled far down (its virtualizer's observers and the pages it
 * asked for on the way), its list in focus, then removed.
 */
async function removedAfterScrolling(): Promise<WeakRef<HTMLElement>> {
  const org = orgO1();
  org.activities = minuteApart(500);
  const { el, container } = mount('activity-log', createMemoryAdapter({ o1: org }));
  const log = el as ActivityLog;
  await until(() => log.state === 'ready', 'activity-log ready');
  // Far down: rows of the second page of entries or later on screen. Scrolled until they are, as each
  // page comes when the machine gets to it.
  const deepest = () =>
    Math.min(
      ...[...log.shadowRoot!.querySelectorAll<HTMLElement>('[data-id]')].map((row) =>
        Number(row.dataset.id!.slice(1)),
      ),
    );
  await scrollUntil(log, () => deepest() < 500 - 60, 'rows of the second page or later');
  expect(deepest(), 'the deepest row shown').to.be.below(500 - 60);
  scroller(log).focus();
  await log.updateComplete;
  return removed(el, container);
}

/** An activity feed with an exact time's tooltip open (a time in focus), then removed. */
async function removedWithTooltipOpen(): Promise<WeakRef<HTMLElement>> {
  const { el, container } = mount('activity-feed', createMemoryAdapter({ o1: orgO1() }));
  await until(() => el.state === 'ready', 'activity-feed ready');
  await el.updateComplete;
  const time = el.shadowRoot!.querySelector<HTMLElement>('time[tabindex]')!;
  time.focus();
  expect(el.shadowRoot!.activeElement === time, 'the time in focus').to.equal(true);
  return removed(el, container);
}

describe('a removed element is not kept in memory, after use', () => {
  before(function () {
    needsGc(this);
  });
  // The activity log's virtualizer measures its rows as they render.
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  it('<plan-card>, removed with its purchase dialog open', async () => {
    expect(await collected(await removedWithDialogOpen()), 'collected').to.equal(true);
  });

  it('<activity-feed>, removed with an exact time shown', async () => {
    expect(await collected(await removedWithTooltipOpen()), 'collected').to.equal(true);
  });

  it('<activity-log>, removed after a long scroll', async () => {
    expect(await collected(await removedAfterScrolling()), 'collected').to.equal(true);
  });
});
