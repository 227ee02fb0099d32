// Planted error: od-view-invoices is a DashboardActionEvent, not a MouseEvent.
import 'org-dashboard-elements/define/org-dashboard';

const onClick = (event: MouseEvent) => console.log(event.clientX);
export const BadHandler = () => <org-dashboard org-id="org_acme" on:od-view-invoices={onClick} />;
