/** Texts of `<plan-card>`. Keys start with `plan` so they never clash across cards. */
export const planCardStrings = {
  planTitle: 'Plan and credits',
};

export type PlanCardStrings = typeof planCardStrings;
