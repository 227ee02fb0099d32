/** Where `<activity-log>`'s texts come from, the same layering as every card's. */
import { cardStrings } from '../../strings/card.js';
import { loadedCatalog } from '../../i18n/catalogs.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { activityLogStrings } from '../../strings/activity-log.js';

/**
 * Every text, resolved: English defaults, then the locale's catalog (key by
 * key, once loaded), then the provider's `strings`, then the log's own.
 */
export function activityLogTexts(
  locale: string,
  inherited: Partial<DashboardStrings> | undefined,
  own: Partial<DashboardStrings> | undefined,
): DashboardStrings {
  return {
    ...cardStrings,
    ...activityLogStrings,
    ...loadedCatalog(locale),
    ...inherited,
    ...own,
  } as DashboardStrings;
}
