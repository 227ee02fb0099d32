// Correct use: must pass tsc (jsxImportSource preact) with no error.
import { useState } from 'preact/hooks';
import {
  createMemoryAdapter,
  type DashboardActionEvent,
  type DashboardErrorEvent,
  type DashboardLinks,
} from 'org-dashboard-elements';
import { createDataset } from 'org-dashboard-elements/fixtures';
import 'org-dashboard-elements/define/org-dashboard';

const adapter = createMemoryAdapter(createDataset());
const links: DashboardLinks = { invoices: '/organizations/{orgId}/billing/invoices' };

export function Dashboard({ orgId }: { orgId: string }) {
  const [opened, setOpened] = useState('');
  const openInvoices = (event: DashboardActionEvent) => {
    event.preventDefault();
    setOpened(event.detail.href ?? '');
  };
  return (
    <>
      <org-dashboard
        org-id={orgId}
        adapter={adapter}
        links={links}
        strings={{ retry: 'Try again' }}
        heading-level={2}
        class="dashboard"
        onod-view-invoices={openInvoices}
        onod-error={(event: DashboardErrorEvent) => console.warn(event.detail.resource)}
        onod-copy-org-id={(event) => console.log(event.detail.orgId)}
      />
      <plan-card org-id={orgId} adapter={adapter} onod-add-credits={(event) => event.preventDefault()} />
      <p>{opened}</p>
    </>
  );
}
