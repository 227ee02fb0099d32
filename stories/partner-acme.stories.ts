import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import { ACME_ORG_ID } from '../src/mocks/fixtures.js';
import { ACME_STRINGS, ACME_TOKENS, acmeHeading, defineAcmeCards } from './support/acme.js';
import { mockBackend } from './support/mock-backend.js';

/**
 * A partner's white label, from the public API only (stories/support/acme.ts): the card classes
 * registered under Acme's tags (`acme-billing`, ...), Acme's font, colors, radius and focus ring as
 * `--od-` tokens, a `::part` rule, Acme's words through `strings` on the provider, and Acme's logo
 * in a card's `heading` slot.
 */
const meta: Meta = {
  title: 'Theming/Partner: Acme',
  decorators: [
    (story) => {
      defineAcmeCards();
      return story();
    },
  ],
};
export default meta;

type Story = StoryObj;

const backend = mockBackend();

/** Every card under an `acme-*` tag, inside a provider that gives Acme's words to all of them. */
export const AcmeCards: Story = {
  parameters: { msw: backend.msw },
  render: () => html`
    <style>
      .acme {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: 16px;
        padding: 16px;
        background: #f4f1e8;
      }
      /* Acme's buttons are filled: a ::part rule, no fork. */
      .acme ::part(action) {
        background: #0f6b4f;
        border-color: #0f6b4f;
        color: #fffdf7;
      }
    </style>
    <org-dashboard-provider
      org-id=${ACME_ORG_ID}
      .adapter=${backend.adapter}
      .strings=${ACME_STRINGS}
      locale="en-US"
    >
      <div class="acme" style=${ACME_TOKENS}>
        <acme-org-info>${acmeHeading(ACME_STRINGS.orgInfoTitle!)}</acme-org-info>
        <acme-workspaces></acme-workspaces>
        <acme-billing></acme-billing>
        <acme-plan></acme-plan>
        <acme-activity></acme-activity>
        <acme-announcements></acme-announcements>
      </div>
    </org-dashboard-provider>
  `,
};
