// React 18, or typed props in React 19: the components of `org-dashboard-elements/react` set
// properties and take event props (`onViewInvoices` for `od-view-invoices`).
import { createRoot } from 'react-dom/client';
import { createRestAdapter } from 'org-dashboard-elements';
import { OrgDashboard } from 'org-dashboard-elements/react';

const adapter = createRestAdapter({ baseUrl: '/api' });
const links = { invoices: '/organizations/{orgId}/billing/invoices' };

/** Your router's navigate(); here the History API. */
const navigate = (href) => history.pushState(null, '', href);

export function Dashboard({ orgId }) {
  return (
    <OrgDashboard
      orgId={orgId}
      adapter={adapter}
      links={links}
      onViewInvoices={(event) => {
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}

createRoot(document.getElementById('app')).render(<Dashboard orgId="org_acme" />);
