/** Texts of `<billing-card>`. Keys start with `billing` so they never clash across cards. */
export const billingCardStrings = {
  billingTitle: 'Billing',
  /** Label of the large current month's total. */
  billingCurrentMonth: 'This month',
  billingLastMonth: 'Last month',
  billingNextInvoice: 'Next invoice',
  billingViewInvoices: 'View past invoices',
  /** `{percent}`: how much more, e.g. "12.5%". Shown in the negative (red) color with an up arrow. */
  billingTrendUp: '{percent} more than last month',
  /** `{percent}`: how much less, e.g. "8%". Shown in the positive (green) color with a down arrow. */
  billingTrendDown: '{percent} less than last month',
  billingTrendSame: 'Same as last month',
  /** A change too small to show as a percentage with one fraction digit. */
  billingTrendSlightlyUp: 'Slightly more than last month',
  billingTrendSlightlyDown: 'Slightly less than last month',
  /**
   * This month's total is negative (credits or refunds exceed the charges) while last month's was
   * positive: less, without a percentage (it would be over 100%). Shown in the positive (green)
   * color with a down arrow.
   */
  billingTrendToCredit: 'Less than last month: a credit this month',
  /**
   * The billing period's projected total. `{amount}`: the total, e.g. "$2,124.00"; `{date}`: the
   * day the period ends (the first day after it, when it is billed), e.g. "Jan 1".
   */
  billingProjection: 'On track for {amount} by {date}',
  /** The projected total compared with last month. `{percent}` as in `billingTrendUp`. */
  billingProjectedTrendUp: 'On track for {percent} more than last month',
  billingProjectedTrendDown: 'On track for {percent} less than last month',
  billingProjectedTrendSame: 'On track for the same as last month',
  billingProjectedTrendSlightlyUp: 'On track for slightly more than last month',
  billingProjectedTrendSlightlyDown: 'On track for slightly less than last month',
  /** The projected total is negative while last month's was positive, as in `billingTrendToCredit`. */
  billingProjectedTrendToCredit: 'On track for a credit, less than last month',
  /** Last month's total is zero: no percentage can be computed. */
  billingTrendNoBaseline: 'No spending last month to compare with',
  /** `{currency}`: last month's currency code, different from this month's. */
  billingTrendOtherCurrency: 'No comparison: last month was billed in {currency}',
  /** Last month's total is negative (a credit): a percentage would mislead. */
  billingTrendUnavailable: 'No comparison with last month',
  /** Table caption of the spending history (read by screen readers). */
  billingHistory: 'Spending by month',
  billingHistoryMonth: 'Month',
  billingHistoryTotal: 'Total',
  /**
   * The spending chart's text alternative. `{from}`, `{to}`: first and last
   * month; `{low}`, `{high}`: the lowest and highest totals, in `{lowMonth}`
   * and `{highMonth}`.
   */
  billingHistorySummary:
    'Spending from {from} to {to}: lowest {low} in {lowMonth}, highest {high} in {highMonth}',
  /** Said by screen readers when live data changes this month's total. `{amount}`: the new total. */
  billingLiveUpdate: 'Billing updated: {amount} this month',
};

export type BillingCardStrings = typeof billingCardStrings;
