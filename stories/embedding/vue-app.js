// Vue 3: tell the compiler which tags are custom elements; `.adapter` binds a property.
import { createApp, defineComponent } from 'vue';
import { createRestAdapter } from 'org-dashboard-elements';
import 'org-dashboard-elements/define';

const Dashboard = defineComponent({
  props: { orgId: { type: String, required: true } },
  setup() {
    const adapter = createRestAdapter({ baseUrl: '/api' });
    const links = { invoices: '/organizations/{orgId}/billing/invoices' };
    // Your router's push(); here the History API.
    const openInvoices = (event) => {
      event.preventDefault();
      history.pushState(null, '', event.detail.href);
    };
    return { adapter, links, openInvoices };
  },
  template: `
    <org-dashboard
      :org-id="orgId"
      .adapter="adapter"
      .links="links"
      @od-view-invoices="openInvoices"
    ></org-dashboard>
  `,
});

const app = createApp(Dashboard, { orgId: 'org_acme' });
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('org-');
app.mount('#app');
