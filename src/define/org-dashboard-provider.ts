import { OrgDashboardProvider } from '../elements/org-dashboard-provider/org-dashboard-provider.js';
import { defineElement } from './define-element.js';

defineElement('org-dashboard-provider', OrgDashboardProvider);

declare global {
  interface HTMLElementTagNameMap {
    'org-dashboard-provider': OrgDashboardProvider;
  }
}
