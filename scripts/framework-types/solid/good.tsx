// Correct use: must pass tsc (jsxImportSource solid-js) with no error.
import { createSignal } from 'solid-js';
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

export function Dashboard(props: { orgId: string }) {
  const [opened, setOpened] = createSignal('');
  const openInvoices = (event: DashboardActionEvent) => {
    event.preventDefault();
    setOpened(event.detail.href ?? '');
  };
  return (
    <>
      <org-dashboard
        org-id={props.orgId}
        prop:adapter={adapter}
        prop:links={links}
        prop:strings={{ retry: 'Try again' }}
        heading-level={2}
        class="dashboard"
        on:od-view-invoices={openInvoices}
        on:od-error={(event: DashboardErrorEvent) => console.warn(event.detail.resource)}
        on:od-copy-org-id={(event) => console.log(event.detail.orgId)}
      />
      <plan-card
        prop:orgId={props.orgId}
        adapter={adapter}
        on:od-add-credits={(event) => event.preventDefault()}
      />
      <p>{opened()}</p>
    </>
  );
}
