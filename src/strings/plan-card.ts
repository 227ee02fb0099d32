import { planCardViewStrings } from './plan-card-view.js';
import { planWritesStrings } from './plan-writes.js';

/**
 * Every text of `<plan-card>`: what its first render shows and what its purchase dialog and
 * low-credit alert form show. Keys start with `plan` so they never clash across cards. The card
 * itself loads the two parts apart (the second with the dialog and the form).
 */
export const planCardStrings = { ...planCardViewStrings, ...planWritesStrings };

export type PlanCardStrings = typeof planCardStrings;
