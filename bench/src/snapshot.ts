// Renders the dashboard once and exposes its DOM as a snapshot for the vanilla baseline.
import '../../src/define.js';
import { benchAdapter, ORG_ID, settled } from './common.js';
import { snapshot } from './vanilla.js';

const dashboard = document.createElement('org-dashboard');
dashboard.setAttribute('org-id', ORG_ID);
dashboard.setAttribute('locale', 'en-US');
dashboard.setAttribute('time-zone', 'UTC');
dashboard.adapter = benchAdapter();
document.body.append(dashboard);
await settled(dashboard);
(window as unknown as { snapshot: unknown }).snapshot = snapshot(dashboard);
