/**
 * Where the library's first render spends its time, for the report: each
 * card's renders timed by wrapping its `update` (Lit's render and commit of
 * that card), and a go signal so the Node side can start the CPU profiler
 * after the page's modules are loaded.
 */
const TAGS = [
  'org-dashboard',
  'org-info-card',
  'workspace-stats-card',
  'billing-card',
  'plan-card',
  'activity-feed',
  'announcements-panel',
];

export function profileCards(): void {
  const cards: Record<string, { renders: number; ms: number }> = {};
  for (const tag of TAGS) {
    const prototype = customElements.get(tag)?.prototype as { update(changed: unknown): void } | undefined;
    if (!prototype) continue;
    const update = prototype.update;
    const own = { renders: 0, ms: 0 };
    cards[tag] = own;
    prototype.update = function (this: unknown, changed: unknown) {
      const t0 = performance.now();
      try {
        update.call(this, changed);
      } finally {
        own.renders += 1;
        own.ms += performance.now() - t0;
      }
    };
  }
  Object.assign(window, { benchCards: cards });
}

export function waitForGo(): Promise<void> {
  return new Promise((resolve) => Object.assign(window, { benchGo: resolve }));
}
