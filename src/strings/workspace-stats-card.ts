/** Texts of `<workspace-stats-card>`. Keys start with `workspaces` so they never clash across cards. */
export const workspaceStatsCardStrings = {
  workspacesTitle: 'Workspaces',
  /** Label of the large total. */
  workspacesTotal: 'Total across all states',
  workspacesActive: 'Active',
  workspacesActiveDescription: 'Deployed and running',
  workspacesSuspended: 'Suspended',
  workspacesSuspendedDescription: 'Paused',
  workspacesOthers: 'Others',
  workspacesOthersDescription: 'Newly created, deploying or requiring attention',
  /** `{active}`, `{suspended}`, `{others}`, `{total}`: formatted counts. The chart's text alternative. */
  workspacesChartLabel:
    'Workspaces by state: {active} active, {suspended} suspended, {others} others, of {total} in total',
  /** `{percent}`: the smallest share shown, for a share above zero but below it. */
  workspacesShareBelow: '<{percent}',
  /** `{percent}`: the largest share shown below 100%, for a share below 100% that would round up to it. */
  workspacesShareAbove: '>{percent}',
  /** The disclosure button of the "Others" breakdown (its state is told by aria-expanded). */
  workspacesOthersByState: 'By state',
  /** The list that the disclosure button shows. */
  workspacesOthersByStateLabel: 'Others by state',
  /** Names of well-known states; any other state name is shown humanized ("needs_review" as "Needs review"). */
  workspacesStateCreating: 'Creating',
  workspacesStateDeploying: 'Deploying',
  workspacesStateFailed: 'Failed',
  /** Shown when "Others" reach `others-warning-ratio` of the total. */
  workspacesOthersWarning:
    'A high number of workspaces in other states may indicate configuration or deployment issues.',
  workspacesEmpty: 'No workspaces yet',
  workspacesEmptyDetail: 'Workspaces created in this organization will show up here.',
  /** Said by screen readers when live data changes the counts. `{active}`, `{total}`: formatted counts. */
  workspacesLiveUpdate: 'Workspaces updated: {active} active, {total} in total',
};

export type WorkspaceStatsCardStrings = typeof workspaceStatsCardStrings;
