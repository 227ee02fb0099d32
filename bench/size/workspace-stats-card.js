// The shared part plus <workspace-stats-card>: the difference from shared.js is the card's own cost.
import {
  createRestAdapter,
  DashboardCard,
  OrgDashboardProvider,
  WorkspaceStatsCard,
} from '../../dist/index.js';

customElements.define('org-dashboard-provider', OrgDashboardProvider);
customElements.define('workspace-stats-card', WorkspaceStatsCard);
document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
window.DashboardCard = DashboardCard;
