// Renders the dashboard once and exposes its DOM as a snapshot for the vanilla baseline.
import '../../src/define.js';
import { benchAdapter, EN_US_UTC, mountDashboard, settled } from './common.js';
import { snapshot } from './vanilla.js';

const dashboard = mountDashboard(benchAdapter(), EN_US_UTC);
await settled(dashboard);
(window as unknown as { snapshot: unknown }).snapshot = snapshot(dashboard);
