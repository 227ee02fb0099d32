/** Texts of `<plan-card>`. Keys start with `plan` so they never clash across cards. */
export const planCardStrings = {
  planTitle: 'Plan and credits',
  /** Label of the plan's name. */
  planName: 'Plan',
  /** Label of the credit balance. */
  planCredits: 'Available credits',
  planManageSubscription: 'Manage subscription',
  /** Accessible name of the inline (+) button next to the credits. */
  planAddCredits: 'Add credits',
  /** `{threshold}`: the low-balance threshold, formatted as money. */
  planLowCredits: 'Low balance: credits are at or below {threshold}.',
  /** Said by screen readers when live data changes the plan or credits. `{amount}`: the credits. */
  planLiveUpdate: 'Credits updated: {amount} available',
};

export type PlanCardStrings = typeof planCardStrings;
