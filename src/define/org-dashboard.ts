import { OrgDashboard } from '../elements/org-dashboard/org-dashboard.js';
import { defineElement } from './define-element.js';

defineElement('org-dashboard', OrgDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'org-dashboard': OrgDashboard;
  }
}
