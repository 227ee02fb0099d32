/**
 * "Acme", a partner brand, built only from the package's public API: the exported classes under
 * Acme's own tag names, design tokens, `::part` rules, replacement strings and slots. Used by the
 * partner story and by the visual regression test (test/visual), so both show the same brand.
 */
import { html } from 'lit';
import {
  ActivityFeed,
  AnnouncementsPanel,
  BillingCard,
  OrgInfoCard,
  PlanCard,
  WorkspaceStatsCard,
  type DashboardStrings,
} from '../../src/index.js';

/** Acme's tag for each default one. */
export const ACME_TAGS = {
  'org-info-card': 'acme-org-info',
  'workspace-stats-card': 'acme-workspaces',
  'billing-card': 'acme-billing',
  'plan-card': 'acme-plan',
  'activity-feed': 'acme-activity',
  'announcements-panel': 'acme-announcements',
} as const;

/**
 * Registers the cards under Acme's tags. Subclasses, because the default `define` entry may have
 * registered the classes already and a class can be registered only once.
 */
export function defineAcmeCards(): void {
  const classes = {
    'acme-org-info': class extends OrgInfoCard {},
    'acme-workspaces': class extends WorkspaceStatsCard {},
    'acme-billing': class extends BillingCard {},
    'acme-plan': class extends PlanCard {},
    'acme-activity': class extends ActivityFeed {},
    'acme-announcements': class extends AnnouncementsPanel {},
  };
  for (const [tag, Class] of Object.entries(classes))
    if (!customElements.get(tag)) customElements.define(tag, Class);
}

/**
 * Acme's tokens: a serif font, a deep green accent on warm paper, square-ish corners and no shadow.
 * Text colors keep at least 4.5:1 on the surface.
 */
export const ACME_TOKENS = [
  "--od-font-family: Georgia, 'DejaVu Serif', serif",
  '--od-font-size: 15px',
  '--od-font-weight-title: 700',
  '--od-color-scheme: light',
  '--od-color-surface: #fffdf7',
  '--od-color-text: #1f2a24',
  '--od-color-text-muted: #4f5d55',
  '--od-color-border: #c9c2ad',
  '--od-color-accent: #0f6b4f',
  '--od-color-positive: #0f6b4f',
  '--od-color-negative: #b3261e',
  '--od-color-warning: #8a5a00',
  '--od-color-skeleton: #ece6d6',
  '--od-color-chart-1: #0f6b4f',
  '--od-color-chart-2: #7d6f55',
  '--od-color-chart-3: #b35900',
  '--od-color-tooltip: #1f2a24',
  '--od-color-tooltip-text: #fffdf7',
  '--od-radius: 4px',
  '--od-shadow: none',
  '--od-focus-ring: 3px solid #0f6b4f',
].join('; ');

/** Acme's words for the cards (any subset of the strings can be replaced). */
export const ACME_STRINGS: Partial<DashboardStrings> = {
  orgInfoTitle: 'Your company',
  workspacesTitle: 'Environments',
  billingTitle: 'Spend',
  planTitle: 'Subscription',
  activityTitle: 'Audit trail',
  announcementsTitle: 'News from Acme',
};

/** Acme's logo, for a card's `heading` slot (it replaces the heading's text, so it says it too). */
export function acmeHeading(text: string) {
  return html`<span slot="heading" style="display: inline-flex; align-items: center; gap: 8px">
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
      <path d="M10 1 19 18H1Z" fill="#0f6b4f" />
      <path d="M10 8 14 15H6Z" fill="#fffdf7" />
    </svg>
    ${text}
  </span>`;
}
