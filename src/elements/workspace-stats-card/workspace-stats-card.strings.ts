/** Texts of `<workspace-stats-card>`. Keys start with `workspaces` so they never clash across cards. */
export const workspaceStatsCardStrings = {
  workspacesTitle: 'Workspaces',
};

export type WorkspaceStatsCardStrings = typeof workspaceStatsCardStrings;
