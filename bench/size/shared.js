// What every card needs: the provider, the base card, the store, the REST adapter and its validation,
// and what two cards or more share (the card styles, skeletons, relative and exact times, currency
// exponents, calendar days, style properties, the warning callout, the charts' range and look, Lit's repeat, templates taken into rows, a long list's first render in steps). A card's own cost is its entry minus this one, so this
// must hold everything shared: scripts/size.mjs fails when two card entries bundle a module this
// entry lacks.
import '../../dist/define/org-dashboard-provider.js';
import { createRestAdapter, DashboardCard } from '../../dist/index.js';
import { cardStyles } from '../../dist/base/card.styles.js';
import { ListSteps } from '../../dist/base/controllers/list-steps.js';
import { html, inline } from '../../dist/base/inline-html.js';
import { EXACT_TIME, ExactTimeController, exactTimeStyles } from '../../dist/base/exact-time.js';
import { skeleton, skeletonEntryLines, skeletonRow } from '../../dist/base/skeleton.js';
import { styleProps } from '../../dist/base/style-props.js';
import { renderWarning, warningStyles } from '../../dist/base/warning.js';
import { chartStyles, renderRange, round } from '../../dist/base/chart.js';
import { currencyExponent } from '../../dist/format/currency.js';
import { DAY_MS, offsetAt, startOfDay } from '../../dist/format/calendar-day.js';
import { ClockController, formatRelativeTime } from '../../dist/format/relative-time.js';
import { repeat } from 'lit/directives/repeat.js';

/** Named by each card's entry: package.json's sideEffects would drop a bare import of this file. */
export function setUpShared() {
  document.querySelector('org-dashboard-provider').adapter = createRestAdapter({ baseUrl: '/api' });
  window.shared = {
    DashboardCard,
    ListSteps,
    cardStyles,
    html,
    inline,
    EXACT_TIME,
    ExactTimeController,
    exactTimeStyles,
    skeleton,
    skeletonEntryLines,
    skeletonRow,
    styleProps,
    renderWarning,
    warningStyles,
    chartStyles,
    renderRange,
    round,
    currencyExponent,
    DAY_MS,
    offsetAt,
    startOfDay,
    ClockController,
    formatRelativeTime,
    repeat,
  };
}

setUpShared();
