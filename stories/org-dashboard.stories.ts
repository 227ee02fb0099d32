import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  ACME_ORG_ID,
  accessForRole,
  FIXTURE_ORG_IDS,
  GULF_ORG_ID,
  INITECH_ORG_ID,
} from '../src/mocks/fixtures.js';
import { startSimulation } from '../src/mocks/simulation.js';
import { failOnEachVisit, mockBackend, type MockBackend } from './support/mock-backend.js';

interface Args {
  orgId: string;
  locale: string;
  accessDenied: 'notice' | 'hide';
  activityLimit: number;
  userId: string;
  width: string;
}

const LINKS = {
  manageSubscription: '/organizations/{orgId}/settings/subscription',
  addCredits: '/organizations/{orgId}/billing/credits/new',
  invoices: '/organizations/{orgId}/billing/invoices',
  activityLog: '/organizations/{orgId}/activity',
};

const meta: Meta<Args> = {
  title: 'Dashboard/Org dashboard',
  component: 'org-dashboard',
  args: {
    orgId: ACME_ORG_ID,
    locale: 'en-US',
    accessDenied: 'notice',
    activityLimit: 5,
    userId: '',
    width: '100%',
  },
  argTypes: {
    orgId: { control: 'select', options: [...FIXTURE_ORG_IDS], name: 'org-id' },
    locale: { control: 'text' },
    accessDenied: { control: 'inline-radio', options: ['notice', 'hide'], name: 'access-denied' },
    activityLimit: { control: { type: 'number', min: 1, max: 50 }, name: 'activity-limit' },
    userId: {
      control: 'text',
      name: 'user-id',
      description: 'The viewer: the announcements panel remembers dismissals and the read mark per user',
    },
    width: { control: 'text', description: 'Width of the box around the dashboard (its layout follows it)' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

function render(backend: MockBackend): Story['render'] {
  return (args) => html`
    <div style="box-sizing: border-box; padding: 16px; width: ${args.width}">
      <org-dashboard
        org-id=${args.orgId}
        .adapter=${backend.adapter}
        .links=${LINKS}
        locale=${args.locale}
        access-denied=${args.accessDenied}
        activity-limit=${args.activityLimit}
        user-id=${ifDefined(args.userId || undefined)}
      ></org-dashboard>
    </div>
  `;
}

function story(backend: MockBackend, extra: Partial<Story> = {}): Story {
  return { render: render(backend), parameters: { msw: backend.msw }, ...extra };
}

const ready = mockBackend();
/** Three columns when wide. */
export const Ready = story(ready);

const narrow = mockBackend();
/** One column when its own box is narrow, whatever the viewport. */
export const Narrow = story(narrow, { args: { width: '420px' } });

const medium = mockBackend();
/** Two columns in between. */
export const TwoColumns = story(medium, { args: { width: '800px' } });

const member = mockBackend();
member.api.data[INITECH_ORG_ID].access = accessForRole('member');
/** A member without billing access: billing says so; the plan card has no purchase actions. */
export const MemberWithoutBilling = story(member, { args: { orgId: INITECH_ORG_ID } });

const memberHidden = mockBackend();
/** The same member with `access-denied="hide"`: the cards they may not see take no space. */
export const MemberCardsHidden = story(memberHidden, {
  args: { orgId: INITECH_ORG_ID, accessDenied: 'hide' },
});

// Failed anew on every visit (see `failOnEachVisit`).
const billingFails = failOnEachVisit(mockBackend(), 'getBilling', 500);
const failing = failOnEachVisit(billingFails, 'listActivities', 'network');
/** Two cards fail; the others keep working, and Retry recovers each. */
export const SomeCardsFail = story(failing, { beforeEach: [billingFails.arm, failing.arm] });

const perUser = mockBackend();
/**
 * With `user-id`: the announcements panel remembers dismissals and "Mark all as read" for this
 * viewer. Dismiss one, then change `user-id` in the controls: the other viewer still sees it.
 */
export const WithUserId = story(perUser, { args: { userId: 'ada' } });

const rtl = mockBackend();
/** Arabic, right to left, Kuwaiti dinars. */
export const RightToLeft = story(rtl, {
  args: { orgId: GULF_ORG_ID, locale: 'ar-KW' },
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
});

const live = mockBackend();
let liveOrgId: string = ACME_ORG_ID;
/** Live: every 2 s a workspace deploys, activity arrives or credits are used up. */
export const Live: Story = {
  parameters: { msw: live.msw },
  render: (args, context) => {
    liveOrgId = args.orgId;
    return render(live)!(args, context);
  },
  // Storybook runs the returned function when the story is left: no timer outlives it.
  beforeEach() {
    const simulation = startSimulation(live.api, () => liveOrgId, { intervalMs: 2000 });
    return () => simulation.stop();
  },
};

const provided = mockBackend();
/** Inside an `<org-dashboard-provider>`: the dashboard takes the org, adapter and locale from it. */
export const InsideAProvider: Story = {
  parameters: { msw: provided.msw },
  render: (args) => html`
    <org-dashboard-provider org-id=${args.orgId} .adapter=${provided.adapter} locale="de-DE">
      <div style="padding: 16px"><org-dashboard></org-dashboard></div>
    </org-dashboard-provider>
  `,
};
