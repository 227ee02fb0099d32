/**
 * Activity lists and the `<activity-log>`/`<activity-feed>` setup their tests share: generated
 * entries a minute apart, an adapter serving them, the log inside a provider, and the log's rows.
 */
import { elementUpdated, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Activity, ActivityFilter } from '../../src/contract/types.js';
import type { DashboardErrorEvent } from '../../src/base/events.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { dataset, until } from './data.js';

/** When the newest generated activity happened. */
export const BASE = Date.parse('2026-11-20T10:00:00Z');

/**
 * `count` activities a minute apart, the newest (`<prefix><count>`) at `BASE`: Workspaces/Create
 * unless `vary` (given each entry's number, counting down from `count`, and its index) says otherwise.
 */
export function minuteApart(
  count: number,
  vary: (n: number, index: number) => Partial<Activity> = () => ({}),
  prefix = 'a',
): Activity[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${count - i}`,
    resourceType: 'Workspaces',
    action: 'Create',
    occurredAt: new Date(BASE - i * 60_000).toISOString(),
    ...vary(count - i, i),
  }));
}

/** An Invoices/Create entry `minutesAfterBase` after `BASE`, as a live event brings it. */
export const live = (id: string, minutesAfterBase: number, extra: Partial<Activity> = {}): Activity => ({
  id,
  resourceType: 'Invoices',
  action: 'Create',
  occurredAt: new Date(BASE + minutesAfterBase * 60_000).toISOString(),
  ...extra,
});

/** A memory adapter whose org `o1` has exactly `list` as its activity. */
export function adapterWith(list: Activity[], options = {}): MemoryAdapter {
  const data = dataset('o1');
  data.o1.activities = list;
  return createMemoryAdapter(data, options);
}

/**
 * An `<activity-log>` 300 px high inside a provider for org `o1` (en-US, UTC) on `adapter`;
 * `onError` hears every `od-error` that reaches the provider, from the first render on.
 */
export async function logInProvider(
  adapter: MemoryAdapter,
  onError?: (event: DashboardErrorEvent) => void,
): Promise<ActivityLog> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider
      org-id="o1"
      .adapter=${adapter}
      locale="en-US"
      time-zone="UTC"
      @od-error=${onError}
    >
      <activity-log style="--od-activity-log-height: 300px"></activity-log>
    </org-dashboard-provider>
  `);
  return provider.querySelector('activity-log')!;
}

export const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';
export const rows = (log: ActivityLog) => [
  ...log.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]'),
];
export const rowIds = (log: ActivityLog) => rows(log).map((row) => row.dataset.id);
export const scroller = (log: ActivityLog) => log.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
export const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Scrolls the log's list to `top` as a reader would, and waits for the rows it brings. */
export async function scrollTo(log: ActivityLog, top: number): Promise<void> {
  const list = scroller(log);
  list.scrollTop = top;
  list.dispatchEvent(new Event('scroll'));
  await frame();
  await frame();
  await elementUpdated(log);
}

/** Keeps scrolling to the end, as a reader would, until `check` passes. */
export async function scrollUntil(log: ActivityLog, check: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > 50_000) throw new Error(`Timed out scrolling for ${what}`);
    await scrollTo(log, scroller(log).scrollHeight);
  }
}

/**
 * Stubs the browser's download path (object URLs, a link's click; `sinon.restore()` undoes it):
 * the files the page would save, the links it clicked and their file names at the click.
 */
export function stubDownloads(): { created: Blob[]; clicks: HTMLAnchorElement[]; names: string[] } {
  const saved = { created: [] as Blob[], clicks: [] as HTMLAnchorElement[], names: [] as string[] };
  sinon.stub(URL, 'createObjectURL').callsFake((blob: Blob | MediaSource) => {
    saved.created.push(blob as Blob);
    return 'blob:test';
  });
  sinon.stub(URL, 'revokeObjectURL');
  sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
    saved.clicks.push(this);
    saved.names.push(this.download);
  });
  return saved;
}

/** The log's From or To date input. */
export const dayInput = (log: ActivityLog, part: 'from-filter' | 'to-filter') =>
  log.shadowRoot!.querySelector<HTMLInputElement>(`[part~="${part}"]`)!;

/** Picks a day as the calendar picker does: one `change`, no key pressed in the field. */
export function pickDay(log: ActivityLog, part: 'from-filter' | 'to-filter', value: string): void {
  const field = dayInput(log, part);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * The date range the log asks its adapter for, shown for calendar day `date` (`from` and `to`) in
 * `zone` inside a provider: the filter of its first request with a bound, and the log.
 */
export async function rangeAskedFor(
  adapter: MemoryAdapter,
  date: string,
  zone: string,
): Promise<{ asked: ActivityFilter; log: ActivityLog }> {
  const spy = sinon.spy(adapter, 'listActivities');
  const provider = await fixture(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone=${zone}>
      <activity-log from=${date} to=${date}></activity-log>
    </org-dashboard-provider>
  `);
  const log = provider.querySelector<ActivityLog>('activity-log')!;
  await until(() => log.state === 'ready' || log.state === 'empty', `log in ${zone}`);
  const asked = spy
    .getCalls()
    .map((call) => call.args[1] as ActivityFilter)
    .find((filter) => filter.from !== undefined || filter.to !== undefined)!;
  return { asked, log };
}
