// What every card needs: the provider, the base card, the store, the REST adapter and its validation.
import { createRestAdapter, DashboardCard, OrgDashboardProvider } from '../../dist/index.js';

customElements.define('org-dashboard-provider', OrgDashboardProvider);
document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
window.DashboardCard = DashboardCard;
