// Planted error: the adapter is an object implementing DashboardAdapter, not a number.
import 'org-dashboard-elements/define/org-dashboard';

export const BadAdapter = () => <org-dashboard org-id="org_acme" prop:adapter={42} />;
