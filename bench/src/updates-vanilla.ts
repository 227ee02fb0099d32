// Benchmark 2 (baseline): the same updates made by hand, the least DOM change that shows the new
// data, with the hand-written dashboard's formatting (bench/src/host/format.ts: cached `Intl`
// formatters). Each event arrives as the library's does, a server's bytes on an open stream
// (bench/src/wire.ts), read as a careful host developer would: decoded, split at blank lines, its
// `data:` line parsed as JSON. After the rounds its DOM is checked against the library's (probes.mjs).
import tree from '../out/snapshot.json';
import type { Activity, WorkspaceStats } from '../../src/contract/types.js';
import { exposeDom, report, updateRound } from './common.js';
import * as f from './host/format.js';
import { build, type SnapshotNode } from './vanilla.js';
import { eventBytes, Wire } from './wire.js';

const ROUNDS = 100;
/** The library's first render numbers the five shown entries' tooltips 0 to 4; new ones go on from there. */
const SHOWN_ENTRIES = 5;

const dashboard = build(tree as unknown as SnapshotNode) as HTMLElement;
document.body.append(dashboard);
const grid = dashboard.shadowRoot!.querySelector('[part~="grid"]')!;
const which = new URLSearchParams(location.search).get('case') === 'activity' ? 'activity' : 'workspaces';
const card = grid.children[which === 'activity' ? 4 : 1].shadowRoot!;
const now = Date.now();

// References a hand-written component would keep.
const counts = [...card.querySelectorAll('[part~="value"]')];
const shares = [...card.querySelectorAll('[part~="share"]')];
const chart = card.querySelector('[part~="chart"]');
const segments = [...card.querySelectorAll('[part~="chart"] .segment')];
const list = card.querySelector('[part~="list"]');
const breakdown = [card.querySelector('[part~="toggle"]'), card.querySelector('[part~="others-by-state"]')];
let nextTip = SHOWN_ENTRIES;

function updateWorkspaces(stats: WorkspaceStats): void {
  const { total, active, suspended, others } = stats;
  const values = [total, active, suspended, others];
  counts.forEach((node, i) => (node.textContent = f.count(values[i])));
  shares.forEach((node, i) => (node.textContent = f.share(values[i + 1] / total)));
  let x = 0;
  segments.forEach((segment, i) => {
    const width = (values[i + 1] / total) * 100;
    segment.setAttribute('x', f.pct(x));
    segment.setAttribute('width', f.pct(width));
    x += width;
  });
  chart?.setAttribute(
    'aria-label',
    `Workspaces by state: ${f.count(active)} active, ${f.count(suspended)} suspended, ${f.count(others)} others, of ${f.count(total)} in total`,
  );
  // A snapshot without the breakdown of the others: its toggle and list go.
  if (!('othersByState' in stats)) for (const node of breakdown) node?.remove();
}

/** The row's shape, kept from the first render: each new row is a copy with every field filled. */
const rowShape = list?.firstElementChild?.cloneNode(true) as Element | undefined;
const field = (row: Element, part: string) => row.querySelector(`[part~="${part}"]`)!;

function addActivity(activity: Activity): void {
  const row = rowShape!.cloneNode(true) as Element;
  const tip = `exact-time-${nextTip++}`;
  row.setAttribute('data-id', activity.id);
  field(row, 'resource-type').textContent = activity.resourceType;
  field(row, 'activity-action').textContent = activity.action;
  field(row, 'resource-name').textContent = activity.resourceName ?? '';
  field(row, 'actor').textContent = activity.actor?.name ?? '';
  const time = field(row, 'time');
  time.setAttribute('datetime', activity.occurredAt);
  time.setAttribute('aria-describedby', tip);
  time.textContent = f.relative(activity.occurredAt, now);
  const tooltip = field(row, 'tooltip');
  tooltip.id = tip;
  tooltip.textContent = f.exact(activity.occurredAt);
  list!.insertBefore(row, list!.firstChild);
  list!.lastElementChild?.remove();
}

// The hand-written dashboard made its formatters at its first render (the library's cards did too):
// made here before the clock starts, the first round does not pay for loading the locale's data.
f.count(1);
f.share(0.5);
f.exact(updateRound.activity(0).occurredAt);
f.relative(updateRound.activity(0).occurredAt, now);

/** Called after each event's change, in the same task: the round's clock stops there. */
let changed: (() => void) | undefined;

/** The stream's reader: each whole block's `data:` line, parsed, goes where its `event:` says. */
async function listen(wire: Wire): Promise<void> {
  const reader = wire.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const topic = lines.find((line) => line.startsWith('event: '))?.slice(7);
      const data = lines.find((line) => line.startsWith('data: '));
      if (!data) continue;
      const payload: unknown = JSON.parse(data.slice(6));
      if (topic === 'workspaces') updateWorkspaces(payload as WorkspaceStats);
      else if (topic === 'activity') addActivity(payload as Activity);
      changed?.();
    }
  }
}
const wire = new Wire();
void listen(wire);

let busy = 0;
for (let round = 1; round <= ROUNDS; round += 1) {
  const bytes =
    which === 'workspaces'
      ? eventBytes({ topic: 'workspaces', data: updateRound.workspaces(round) })
      : eventBytes({ topic: 'activity', data: updateRound.activity(round) });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t0 = performance.now();
  const seen = new Promise<void>(
    (resolve) =>
      (changed = () => {
        busy += performance.now() - t0;
        resolve();
      }),
  );
  wire.send(bytes);
  await seen;
}
report(`update-${which}`, { duration: busy });
exposeDom(card.querySelector('[part~="body"]')!);
