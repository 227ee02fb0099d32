import { html, nothing } from 'lit';
import { cardStyles } from '../../base/card.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { Organization } from '../../contract/types.js';
import { parseOrganization } from '../../contract/validation.js';
import { formatDateTime, isoInstant } from '../../format/format.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { CopyIdController } from './copy-id.js';
import { CopyOrgIdEvent } from './org-info-card.events.js';
import { orgInfoCardStrings } from '../../strings/org-info-card.js';
import { orgInfoCardStyles } from './org-info-card.styles.js';
import { skeleton, skeletonRow } from '../../base/skeleton.js';

/**
 * @summary The organization: name, ID with one-click copy, owner, created date
 * and time, and team size.
 *
 * Needs the `organization:read` permission (every member has it).
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot error - Replaces the error message (the Retry button stays).
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area.
 * @csspart value - Each value shown (name, ID, owner, created, team size).
 * @csspart name - The organization's name.
 * @csspart id - The organization ID.
 * @csspart owner - The owner's name.
 * @csspart created - The date and time the organization was created.
 * @csspart team-size - The number of people with access.
 * @csspart action - Each action button.
 * @csspart copy - The "Copy" button of the ID.
 * @csspart message - The error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state.
 * @csspart stale - The "last updated" note of the stale state (also `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 *
 * @fires od-copy-org-id - After the ID was copied; `detail: { orgId }`. Not cancelable.
 * @fires od-error - The data failed to load or refresh; `detail: { error, resource, orgId }`.
 */
export class OrgInfoCard extends DashboardCard<'organization'> {
  static override styles = [cardStyles, orgInfoCardStyles];

  protected readonly resource = 'organization';
  protected readonly parse = parseOrganization;
  protected readonly texts = { strings: orgInfoCardStrings, title: 'orgInfoTitle' } as const;

  private readonly copier = new CopyIdController(this, {
    orgShown: () => this.viewData?.id,
    idElement: () => this.renderRoot.querySelector('.id'),
  });

  protected renderReady(org: Organization, strings: DashboardStrings) {
    const format = this.formatContext;
    return html`
      <p part="value name" class="name"><bdi>${org.name}</bdi></p>
      <dl>
        <div class="row">
          <dt>${strings.orgInfoId}</dt>
          <dd>
            <code part="value id" class="id">${org.id}</code>
            <button
              part="action copy"
              type="button"
              aria-label=${fill(strings.orgInfoCopyId, { id: org.id })}
              @click=${() => this.copyId(org.id)}
            >
              <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="currentColor">
                <path
                  d="M4 4V2.5A1.5 1.5 0 0 1 5.5 1h8A1.5 1.5 0 0 1 15 2.5v8a1.5 1.5 0 0 1-1.5 1.5H12v1.5a1.5 1.5 0 0 1-1.5 1.5h-8A1.5 1.5 0 0 1 1 13.5v-8A1.5 1.5 0 0 1 2.5 4H4Zm1.5-1.5V4h5A1.5 1.5 0 0 1 12 5.5v5h1.5v-8h-8Zm-3 3v8h8v-8h-8Z"
                />
              </svg>
            </button>
            ${
              this.copier.result === 'copied'
                ? html`<span class="copied" aria-hidden="true">${strings.orgInfoCopied}</span>`
                : nothing
            }
            ${
              this.copier.result === 'failed'
                ? html`<span class="copy-failed" aria-hidden="true">${strings.orgInfoCopyFailed}</span>`
                : nothing
            }
          </dd>
        </div>
        <div class="row">
          <dt>${strings.orgInfoOwner}</dt>
          <dd part="value owner"><bdi>${org.owner.name}</bdi></dd>
        </div>
        <div class="row">
          <dt>${strings.orgInfoCreated}</dt>
          <dd part="value created">
            <time datetime=${isoInstant(org.createdAt)}>${formatDateTime(org.createdAt, format)}</time>
          </dd>
        </div>
        <div class="row">
          <dt>${strings.orgInfoTeamSize}</dt>
          <dd part="value team-size">${fillPlural(strings.orgInfoMembers, org.teamSize, format)}</dd>
        </div>
      </dl>
      <span class="visually-hidden" role="status">${this.copyStatus(strings)}</span>
    `;
  }

  /** Says the name when the organization's name, owner or team size changed. */
  protected override liveSummary(previous: Organization, current: Organization, strings: DashboardStrings) {
    const same =
      previous.name === current.name &&
      previous.owner.name === current.owner.name &&
      previous.teamSize === current.teamSize;
    return same ? undefined : fill(strings.orgInfoLiveUpdate, { name: current.name });
  }

  protected renderSkeleton(strings: DashboardStrings) {
    return html`
      <p class="name">${skeleton('12em')}</p>
      <dl aria-hidden="true">
        ${skeletonRow(strings.orgInfoId, '14em')} ${skeletonRow(strings.orgInfoOwner, '9em')}
        ${skeletonRow(strings.orgInfoCreated, '11em')} ${skeletonRow(strings.orgInfoTeamSize, '3em')}
      </dl>
    `;
  }

  /** What the copy status region says: the result of the last copy, failed or not (WCAG 4.1.3). */
  private copyStatus(strings: DashboardStrings): string {
    if (!this.copier.spoken) return '';
    return this.copier.result === 'copied' ? strings.orgInfoCopiedAnnouncement : strings.orgInfoCopyFailed;
  }

  private async copyId(orgId: string): Promise<void> {
    if (await this.copier.copy(orgId)) this.dispatchEvent(new CopyOrgIdEvent({ orgId }));
  }
}
