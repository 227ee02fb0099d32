/**
 * Names of the resource types and actions the API uses (DESIGN.md's examples and the mock API's),
 * told the same way by `<activity-feed>` and by `<activity-log>` (its rows and its filter menus).
 * Each English text is the API's own name; any other name is shown as the data gives it.
 */
export const activityNameStrings = {
  activityResourceOrganization: 'Organization',
  activityResourceWorkspaces: 'Workspaces',
  activityResourceMembers: 'Members',
  activityResourceInvoices: 'Invoices',
  activityResourcePlans: 'Plans',
  activityResourceApiKeys: 'API Keys',
  activityResourceCredits: 'Credits',
  activityResourcePaymentMethods: 'Payment Methods',
  activityActionFetch: 'Fetch',
  activityActionFetchAll: 'Fetch All',
  activityActionCreate: 'Create',
  activityActionUpdate: 'Update',
  activityActionDelete: 'Delete',
};

export type ActivityNameStrings = typeof activityNameStrings;
