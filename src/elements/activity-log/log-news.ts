/**
 * What `<activity-log>` says in its polite status region without the viewer
 * asking, beyond the results of their own queries (said by the query):
 *
 * - live entries the list took, shown at once or held behind "New entries",
 *   as the feed says them and as often (`LiveAnnouncer.track`: at most once
 *   per interval, coalesced); entries the filters leave out are not taken,
 *   so not said;
 * - a later page that failed as the reader scrolled on: the footer's text,
 *   once per failure (the log turns `stale`, and nothing else moved).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { liveActivitiesText } from '../../base/activity-text.js';
import type { LiveAnnouncer } from '../../base/controllers/live-announcer.js';
import type { DashboardError } from '../../contract/errors.js';
import type { FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import type { LiveArrivals, PagedList } from './entry-list.js';
import { errorText } from './entry-view.js';

export interface LogNewsOptions {
  announcer: LiveAnnouncer;
  list(): PagedList;
  /** Whether the list's entries come from a store (live); the host's own `data` is never said. */
  live(): boolean;
  strings(): DashboardStrings;
  format(): FormatContext;
}

export class LogNews implements ReactiveController {
  /** The later page's failure already said. */
  #failure?: DashboardError;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LogNewsOptions,
  ) {
    host.addController(this);
  }

  /** After the host's `willUpdate`, which brings the list up to date. */
  hostUpdate(): void {
    const { announcer, list: listOf, live, strings } = this.options;
    const list = listOf();
    // Each query's list is a source of its own: its first arrivals compare with none.
    announcer.track(live() ? list : undefined, list.arrived, (previous, current) =>
      this.#summary(previous, current),
    );
    const failure = list.moreError;
    if (failure && failure !== this.#failure) announcer.say(errorText(failure.code, strings()));
    this.#failure = failure;
  }

  #summary(previous: LiveArrivals, current: LiveArrivals): string | undefined {
    const added = current.count - previous.count;
    const { newest } = current;
    if (added <= 0 || !newest) return undefined;
    const strings = this.options.strings();
    return liveActivitiesText(newest, added, strings.activityLogSummary, strings, this.options.format());
  }
}
