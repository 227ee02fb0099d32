/** The `createContext` keys of the library, all in one place. */
import { createContext } from '@lit/context';
import type { DashboardLinks } from '../contract/links.js';
import type { DashboardAdapter } from '../contract/types.js';
import type { DashboardStrings } from '../strings/strings.js';
import type { DashboardStore } from '../store/store.js';

/** What a card does without access: a short notice (default) or nothing. */
export type AccessDeniedMode = 'notice' | 'hide';

/** What `<org-dashboard-provider>` gives every element inside it. */
export interface DashboardContext {
  orgId?: string;
  adapter?: DashboardAdapter;
  locale?: string;
  timeZone?: string;
  links?: DashboardLinks;
  strings?: Partial<DashboardStrings>;
  accessDenied?: AccessDeniedMode;
  /** The shared store of `orgId` on `adapter`, for elements of the host's own. */
  store?: DashboardStore;
}

// A string key rather than a Symbol, so that two copies of the library on one
// page (say the CDN bundle and an npm build) still find each other's provider.
export const dashboardContext = createContext<DashboardContext>('org-dashboard-elements/dashboard');
