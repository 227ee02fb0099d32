// React 19 renders custom elements natively: objects go in as properties, `onod-*` props listen to
// `od-*` events. (React 18: use the wrappers from `org-dashboard-elements/react`.)
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createRestAdapter } from 'org-dashboard-elements';
import 'org-dashboard-elements/define';

const links = { invoices: '/organizations/{orgId}/billing/invoices' };

/** Your router's navigate(); here the History API. */
const navigate = (href) => history.pushState(null, '', href);

export function Dashboard({ orgId }) {
  const adapter = useMemo(() => createRestAdapter({ baseUrl: '/api' }), []);
  return (
    <org-dashboard
      org-id={orgId}
      adapter={adapter}
      links={links}
      onod-view-invoices={(event) => {
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}

createRoot(document.getElementById('app')).render(<Dashboard orgId="org_acme" />);
