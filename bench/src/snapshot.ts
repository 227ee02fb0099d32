// Renders the dashboard once and exposes its DOM as a snapshot for the vanilla baseline, and, for
// the hand-written dashboards (plain DOM and React), the adapter's answers as JSON text and each
// shadow root's CSS: the same data and styles the library rendered in this run.
import '../../src/define.js';
import { ACTIVITY_WINDOW } from '../../src/store/resources.js';
import { benchAdapter, EN_US_UTC, mountDashboard, ORG_ID, settled } from './common.js';
import { snapshot, type SnapshotNode } from './vanilla.js';

const adapter = benchAdapter();
const dashboard = mountDashboard(adapter, EN_US_UTC);
await settled(dashboard);
const tree = snapshot(dashboard) as SnapshotNode;

const styles: Record<string, string[]> = {};
const collect = (node: SnapshotNode) => {
  if (typeof node === 'string') return;
  if (node.s) {
    styles[node.t] = node.s.css;
    node.s.c.forEach(collect);
  }
  node.c.forEach(collect);
};
collect(tree);

const answers = {
  organization: await adapter.getOrganization(ORG_ID),
  workspaces: await adapter.getWorkspaceStats(ORG_ID),
  billing: await adapter.getBilling(ORG_ID),
  plan: await adapter.getPlan(ORG_ID),
  activity: await adapter.listActivities(ORG_ID, { limit: ACTIVITY_WINDOW }),
  announcements: await adapter.listAnnouncements(ORG_ID),
};
Object.assign(window, {
  snapshot: {
    tree,
    styles,
    answers: Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, JSON.stringify(value)])),
  },
});
