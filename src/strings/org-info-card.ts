import type { PluralMessage } from './plural-message.js';

/** Texts of `<org-info-card>`. */
export const orgInfoCardStrings = {
  orgInfoTitle: 'Organization',
  orgInfoName: 'Name',
  orgInfoId: 'Organization ID',
  orgInfoOwner: 'Owner',
  orgInfoCreated: 'Created',
  orgInfoTeamSize: 'Team size',
  /** The team size. `{count}`: the number of members, formatted. */
  orgInfoMembers: { one: '{count} member', other: '{count} members' } as PluralMessage,
  /** `{id}`: the organization id. */
  orgInfoCopyId: 'Copy organization ID {id}',
  orgInfoCopied: 'Copied',
  orgInfoCopiedAnnouncement: 'Organization ID copied to the clipboard',
  orgInfoCopyFailed: 'Couldn’t copy. Select the ID and copy it yourself.',
  /** Said by screen readers when live data changes the organization. `{name}`: its name. */
  orgInfoLiveUpdate: 'Organization updated: {name}',
};

export type OrgInfoCardStrings = typeof orgInfoCardStrings;
