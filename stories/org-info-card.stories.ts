import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter } from '../src/adapters/memory.js';

const adapter = createMemoryAdapter({
  o1: {
    organization: { id: 'org_1', name: 'Acme', owner: { name: 'Ada' }, createdAt: '2023-01-01T00:00:00Z', teamSize: 12 },
    access: { permissions: ['organization:read'] },
    workspaces: { total: 0, active: 0, suspended: 0, others: 0 },
    billing: { currentMonthTotal: { amountMinor: 0, currency: 'USD' }, lastMonthTotal: { amountMinor: 0, currency: 'USD' }, nextInvoiceDate: '2026-12-01' },
    plan: { name: 'Free', availableCredits: { amountMinor: 0, currency: 'USD' } },
    activities: [],
    announcements: [],
  },
});

const meta: Meta = { title: 'Cards/Org info card', component: 'org-info-card' };
export default meta;

export const Ready: StoryObj = {
  render: () => html`<org-info-card org-id="o1" .adapter=${adapter}></org-info-card>`,
};
