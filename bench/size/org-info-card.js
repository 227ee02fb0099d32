// The shared part plus <org-info-card>: the difference from shared.js is the card's own cost.
import { createRestAdapter, DashboardCard, OrgDashboardProvider, OrgInfoCard } from '../../dist/index.js';

customElements.define('org-dashboard-provider', OrgDashboardProvider);
customElements.define('org-info-card', OrgInfoCard);
document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
window.DashboardCard = DashboardCard;
