/** Texts of `<billing-card>`. Keys start with `billing` so they never clash across cards. */
export const billingCardStrings = {
  billingTitle: 'Billing',
};

export type BillingCardStrings = typeof billingCardStrings;
