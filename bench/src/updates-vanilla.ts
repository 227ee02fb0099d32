// Benchmark 2 (baseline): the minimal DOM change for the same updates, by hand.
import tree from '../out/snapshot.json';
import { report } from './common.js';
import { build, type SnapshotNode } from './vanilla.js';

const ROUNDS = 100;
const dashboard = build(tree as unknown as SnapshotNode) as HTMLElement;
document.body.append(dashboard);
const grid = dashboard.shadowRoot!.querySelector('[part~="grid"]')!;
const workspaces = grid.children[1].shadowRoot!;
const feed = grid.children[4].shadowRoot!;
const which = new URLSearchParams(location.search).get('case') ?? 'workspaces';
const number = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

// References a hand-written component would keep.
const counts = [...workspaces.querySelectorAll('[part~="value"]')];
const shares = [...workspaces.querySelectorAll('[part~="share"]')];
const bars = [...workspaces.querySelectorAll('[part~="chart"] rect')];
const list = feed.querySelector('[part~="list"]')!;
const template = list.firstElementChild!;

function updateWorkspaces(active: number): void {
  const values = [128, active, 20, 108 - active];
  counts.forEach((node, i) => (node.textContent = number.format(values[i])));
  shares.forEach((node, i) => (node.textContent = percent.format(values[i + 1] / 128)));
  bars.forEach((bar, i) => bar.setAttribute('width', `${(values[i + 1] / 128) * 100}%`));
}

function addActivity(round: number): void {
  const entry = template.cloneNode(true) as Element;
  entry.setAttribute('data-id', `bench-${round}`);
  const name = entry.querySelector('[part~="resource-name"]');
  if (name) name.textContent = `ws-${round}`;
  list.insertBefore(entry, list.firstElementChild);
  list.lastElementChild?.remove();
}

let busy = 0;
for (let round = 1; round <= ROUNDS; round += 1) {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t0 = performance.now();
  if (which === 'workspaces') updateWorkspaces(90 + (round % 7));
  else addActivity(round);
  busy += performance.now() - t0;
}
report(`update-${which}`, { duration: busy });
