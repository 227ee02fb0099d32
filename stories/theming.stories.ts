import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/org-info-card.js';
import '../src/define/workspace-stats-card.js';
import '../src/define/billing-card.js';
import '../src/define/plan-card.js';
import '../src/define/activity-feed.js';
import '../src/define/announcements-panel.js';
import { ACME_ORG_ID } from '../src/mocks/fixtures.js';
import { mockBackend, type MockBackend } from './support/mock-backend.js';

/**
 * The design tokens (`--od-*`, documented on every element and in README's "Styling"): the shipped
 * light and dark sets side by side, and tokens a designer tunes live with the controls.
 */
interface Args {
  accent: string;
  surface: string;
  text: string;
  radius: number;
  space: number;
  fontFamily: string;
}

const meta: Meta<Args> = {
  title: 'Theming/Design tokens',
  args: {
    accent: '#0b5cd5',
    surface: '#ffffff',
    text: '#1b1f24',
    radius: 12,
    space: 16,
    fontFamily: 'system-ui, sans-serif',
  },
  argTypes: {
    accent: { control: 'color', name: '--od-color-accent' },
    surface: { control: 'color', name: '--od-color-surface' },
    text: { control: 'color', name: '--od-color-text' },
    radius: { control: { type: 'range', min: 0, max: 24 }, name: '--od-radius (px)' },
    space: { control: { type: 'range', min: 8, max: 32 }, name: '--od-space (px)' },
    fontFamily: { control: 'text', name: '--od-font-family' },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Headings get a suffix when one story shows two copies, so every card region keeps a unique name. */
function titles(suffix: string) {
  return suffix
    ? {
        orgInfoTitle: `Organization ${suffix}`,
        workspacesTitle: `Workspaces ${suffix}`,
        billingTitle: `Billing ${suffix}`,
        planTitle: `Plan and credits ${suffix}`,
        activityTitle: `Recent activity ${suffix}`,
        announcementsTitle: `Announcements ${suffix}`,
      }
    : undefined;
}

function cards(backend: MockBackend, suffix = '') {
  return html`
    <org-dashboard-provider
      org-id=${ACME_ORG_ID}
      .adapter=${backend.adapter}
      .strings=${titles(suffix)}
      locale="en-US"
    >
      <div style="display: grid; gap: 16px">
        <org-info-card></org-info-card>
        <workspace-stats-card></workspace-stats-card>
        <billing-card></billing-card>
        <plan-card></plan-card>
        <activity-feed></activity-feed>
        <announcements-panel></announcements-panel>
      </div>
    </org-dashboard-provider>
  `;
}

const column = 'padding: 16px; background: var(--od-color-surface); min-width: 0';

const both = mockBackend();
/** The light and dark sets, pinned with `data-od-theme` whatever the toolbar's Theme says. */
export const LightAndDark: Story = {
  parameters: { msw: both.msw, controls: { disable: true } },
  render: () => html`
    <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 16px; max-width: 900px">
      <div data-od-theme="light" style=${column}>${cards(both, '(light)')}</div>
      <div data-od-theme="dark" style=${`${column}; background: #0d1117`}>${cards(both, '(dark)')}</div>
    </div>
  `,
};

const tuned = mockBackend();
/** Tokens set on an ancestor restyle every card below it (pinned light: the controls start with light colors). */
export const CustomTokens: Story = {
  parameters: { msw: tuned.msw },
  render: (args) => html`
    <div
      data-od-theme="light"
      style=${[
        `--od-color-accent: ${args.accent}`,
        `--od-color-surface: ${args.surface}`,
        `--od-color-text: ${args.text}`,
        `--od-radius: ${args.radius}px`,
        `--od-space: ${args.space}px`,
        `--od-card-padding: ${args.space}px`,
        `--od-font-family: ${args.fontFamily}`,
        'max-width: 420px',
      ].join('; ')}
    >
      ${cards(tuned)}
    </div>
  `,
};
