import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Organization } from '../src/contract/types.js';
import { cardMeta, type HeadedCardArgs } from './helpers/card-meta.js';
import { cardStateStories } from './helpers/card-states.js';
import { cardStories } from './helpers/card-stories.js';
import { mockBackend } from './support/mock-backend.js';

type Args = HeadedCardArgs;

const meta: Meta<Args> = {
  title: 'Cards/Org info card',
  component: 'org-info-card',
  ...cardMeta(),
};
export default meta;

type Story = StoryObj<Args>;

const card = cardStories<Args>(
  'org-info-card',
  (args) => html`<org-info-card heading-level=${args.headingLevel}></org-info-card>`,
);
const { inProvider, story } = card;

const ready = mockBackend();
export const Ready = story(ready);

const states = cardStateStories({ render: inProvider, endpoint: 'getOrganization' });
export const Loading = states.Loading;
export const Error = states.Error;
export const NetworkError = states.NetworkError;
export const NoAccess = states.NoAccess;
export const NoAccessHidden = states.NoAccessHidden;
export const Stale = states.Stale;

/** A long right-to-left name, in Arabic, in Kuwait's time zone. */
export const RightToLeft = card.rightToLeft();

export const Japanese = card.japanese();

/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone = card.standalone(
  (args, adapter) =>
    html`<org-info-card org-id=${args.orgId} .adapter=${adapter} locale=${args.locale}></org-info-card>`,
);

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
export const ControlledInvalidData = card.invalidData({ id: 'x', name: '', teamSize: -1 });

/** Every text can be replaced, here through the provider. */
export const CustomStrings = card.customStrings(
  { orgInfoTitle: 'Your company', orgInfoOwner: 'Account holder', orgInfoTeamSize: 'Seats' },
  () => html`<org-info-card></org-info-card>`,
);
