// Benchmark 4: <activity-log> over 100,000 entries (`?entries=N` for others), scrolled by script
// for 10 s (`?ms=`). `?case=vanilla` scrolls a plain list of 100 rows instead: the baseline frame
// times of this machine and browser in the same run. Also reports the log's time to first render.
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { ACME_ORG_ID, createDataset } from '../../src/mocks/fixtures.js';
import { layOut, nextTask } from './common.js';

const DURATION_MS = Number(new URLSearchParams(location.search).get('ms') ?? 10_000);
const PIXELS_PER_FRAME = 60;
const vanilla = new URLSearchParams(location.search).get('case') === 'vanilla';
const ENTRIES = Number(new URLSearchParams(location.search).get('entries') ?? 100_000);
let firstRenderMs = 0;

function plainList(): { scroller: HTMLElement; rows: () => number } {
  const scroller = document.createElement('div');
  scroller.style.cssText = 'height: 600px; overflow: auto';
  for (let i = 0; i < 100; i += 1) {
    const row = document.createElement('div');
    row.style.cssText = 'height: 56px; border-bottom: 1px solid #ddd';
    row.textContent = `Workspaces · Create — ws-${i}`;
    scroller.append(row);
  }
  document.body.append(scroller);
  return { scroller, rows: () => 100 };
}

async function activityLog(): Promise<{ scroller: HTMLElement; rows: () => number }> {
  const dataset = createDataset({ activitiesPerOrg: ENTRIES, orgs: [ACME_ORG_ID] });
  // The fixtures make their entries on first read: here, before the clock starts (it is the server's work).
  if (dataset[ACME_ORG_ID].activities.length !== ENTRIES) throw new Error('dataset size');
  const adapter = createMemoryAdapter(dataset);
  const start = performance.now();
  const log = document.createElement('activity-log') as HTMLElement & { state?: string };
  log.setAttribute('org-id', ACME_ORG_ID);
  log.style.cssText = 'display: block; height: 800px';
  (log as unknown as { adapter: unknown }).adapter = adapter;
  document.body.append(log);
  while (log.state !== 'ready') await nextTask();
  await (log as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  layOut();
  firstRenderMs = performance.now() - start;
  const scroller = log.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
  return { scroller, rows: () => log.shadowRoot!.querySelectorAll('[aria-posinset]').length };
}

const { scroller, rows } = vanilla ? plainList() : await activityLog();
const frames: number[] = [];
let maxRows = rows();
let last = performance.now();
const start = last;
await new Promise<void>((resolve) => {
  const step = (now: number) => {
    frames.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, rows());
    // Down, and back up from the end of a plain list, so it scrolls for the whole time.
    if (vanilla && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1)
      scroller.scrollTop = 0;
    else scroller.scrollTop += PIXELS_PER_FRAME;
    if (now - start < DURATION_MS) requestAnimationFrame(step);
    else resolve();
  };
  requestAnimationFrame(step);
});
frames.shift();
const sorted = [...frames].sort((a, b) => a - b);
const result = {
  entries: ENTRIES,
  firstRenderMs,
  frames: frames.length,
  p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
  maxFrameMs: sorted.at(-1) ?? 0,
  over50: frames.filter((f) => f > 50).length,
  maxRows,
  reached: Math.max(
    0,
    ...[...scroller.querySelectorAll('[aria-posinset]')].map((row) =>
      Number(row.getAttribute('aria-posinset')),
    ),
  ),
};
Object.assign(window, { benchResult: result, benchDone: true });
