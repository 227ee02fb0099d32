// The shared part plus <announcements-panel>: the difference from shared.js is the card's own cost.
import {
  createRestAdapter,
  DashboardCard,
  OrgDashboardProvider,
  AnnouncementsPanel,
} from '../../dist/index.js';

customElements.define('org-dashboard-provider', OrgDashboardProvider);
customElements.define('announcements-panel', AnnouncementsPanel);
document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
window.DashboardCard = DashboardCard;
