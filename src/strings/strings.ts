/** Every replaceable text of the library, by key: what `strings` on a card or the provider accepts. */
import type { CardStrings } from '../base/card.strings.js';
import type { OrgInfoCardStrings } from '../elements/org-info-card/org-info-card.strings.js';

export type DashboardStrings = CardStrings & OrgInfoCardStrings;
