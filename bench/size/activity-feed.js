// The shared part plus <activity-feed>: the difference from shared.js is the card's own cost.
import { createRestAdapter, DashboardCard, OrgDashboardProvider, ActivityFeed } from '../../dist/index.js';

customElements.define('org-dashboard-provider', OrgDashboardProvider);
customElements.define('activity-feed', ActivityFeed);
document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
window.DashboardCard = DashboardCard;
