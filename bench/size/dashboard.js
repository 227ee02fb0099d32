// What a host ships for <org-dashboard> with the REST adapter.
import { createRestAdapter, OrgDashboard } from '../../dist/index.js';

customElements.define('org-dashboard', OrgDashboard);
document.querySelector('org-dashboard').adapter = createRestAdapter({ baseUrl: '/api' });
