// The shared part plus <plan-card>: the difference from shared.js is the card's own cost.
import { createRestAdapter, DashboardCard, OrgDashboardProvider, PlanCard } from '../../dist/index.js';

customElements.define('org-dashboard-provider', OrgDashboardProvider);
customElements.define('plan-card', PlanCard);
document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
window.DashboardCard = DashboardCard;
