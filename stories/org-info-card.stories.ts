import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Organization } from '../src/contract/types.js';
import { ACME_ORG_ID, GULF_ORG_ID, SAKURA_ORG_ID } from '../src/mocks/fixtures.js';
import { cardStateStories } from './helpers/card-states.js';
import { mockBackend, type MockBackend } from './support/mock-backend.js';

interface Args {
  orgId: string;
  locale: string;
  timeZone: string;
  accessDenied: 'notice' | 'hide';
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Cards/Org info card',
  component: 'org-info-card',
  args: { orgId: ACME_ORG_ID, locale: 'en-US', timeZone: '', accessDenied: 'notice', headingLevel: 2 },
  argTypes: {
    orgId: { control: 'text', name: 'org-id' },
    locale: { control: 'text' },
    timeZone: { control: 'text', name: 'time-zone' },
    accessDenied: { control: 'inline-radio', options: ['notice', 'hide'], name: 'access-denied' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 }, name: 'heading-level' },
  },
  decorators: [(story) => html`<div style="max-width: 420px">${story()}</div>`],
};
export default meta;

type Story = StoryObj<Args>;

/** Inside a provider, the usual way. */
function inProvider(backend: MockBackend): Story['render'] {
  return (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${backend.adapter}
      locale=${args.locale}
      time-zone=${args.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone}
      access-denied=${args.accessDenied}
    >
      <org-info-card heading-level=${args.headingLevel}></org-info-card>
    </org-dashboard-provider>
  `;
}

function story(backend: MockBackend, extra: Partial<Story> = {}): Story {
  return { render: inProvider(backend), parameters: { msw: backend.msw }, ...extra };
}

const ready = mockBackend();
export const Ready = story(ready);

const states = cardStateStories({ render: inProvider, endpoint: 'getOrganization' });
export const Loading = states.Loading;
export const Error = states.Error;
export const NetworkError = states.NetworkError;
export const NoAccess = states.NoAccess;
export const NoAccessHidden = states.NoAccessHidden;
export const Stale = states.Stale;

const gulf = mockBackend();
/** A long right-to-left name, in Arabic, in Kuwait's time zone. */
export const RightToLeft = story(gulf, {
  args: { orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' },
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
});

const sakura = mockBackend();
export const Japanese = story(sakura, {
  args: { orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
});

const standalone = mockBackend();
/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone: Story = {
  parameters: { msw: standalone.msw },
  render: (args) =>
    html`<org-info-card
      org-id=${args.orgId}
      .adapter=${standalone.adapter}
      locale=${args.locale}
    ></org-info-card>`,
};

const controlledData: Organization = {
  id: 'org_controlled',
  name: 'Given by the host',
  owner: { name: 'Grace Hopper', email: 'grace@example.com' },
  createdAt: '2021-06-01T08:30:00Z',
  teamSize: 42,
};
/** Controlled: the host gives `data`; nothing is fetched. */
export const Controlled: Story = {
  render: (args) => html`<org-info-card .data=${controlledData} locale=${args.locale}></org-info-card>`,
};

/** Controlled with data that breaks the contract: a clear state, a typed error, nothing thrown. */
export const ControlledInvalidData: Story = {
  render: () => html`<org-info-card .data=${{ id: 'x', name: '', teamSize: -1 } as never}></org-info-card>`,
};

const custom = mockBackend();
/** Every text can be replaced, here through the provider. */
export const CustomStrings: Story = {
  parameters: { msw: custom.msw },
  render: (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${custom.adapter}
      .strings=${{ orgInfoTitle: 'Your company', orgInfoOwner: 'Account holder', orgInfoTeamSize: 'Seats' }}
    >
      <org-info-card></org-info-card>
    </org-dashboard-provider>
  `,
};
