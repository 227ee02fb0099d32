// The shared part plus <billing-card>: the difference from shared.js is the card's own cost.
import { createRestAdapter, DashboardCard, OrgDashboardProvider, BillingCard } from '../../dist/index.js';

customElements.define('org-dashboard-provider', OrgDashboardProvider);
customElements.define('billing-card', BillingCard);
document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
window.DashboardCard = DashboardCard;
