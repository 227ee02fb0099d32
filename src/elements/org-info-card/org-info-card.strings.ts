/** Texts of `<org-info-card>`. */
export const orgInfoCardStrings = {
  orgInfoTitle: 'Organization',
  orgInfoName: 'Name',
  orgInfoId: 'Organization ID',
  orgInfoOwner: 'Owner',
  orgInfoCreated: 'Created',
  orgInfoTeamSize: 'Team size',
  /** `{id}`: the organization id. */
  orgInfoCopyId: 'Copy organization ID {id}',
  orgInfoCopied: 'Copied',
  orgInfoCopiedAnnouncement: 'Organization ID copied to the clipboard',
  orgInfoCopyFailed: 'Couldn’t copy. Select the ID and copy it yourself.',
};

export type OrgInfoCardStrings = typeof orgInfoCardStrings;
