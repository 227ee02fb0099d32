/**
 * The log's running export: the Export CSV button, progress and Cancel, the
 * download and its file name. What it reads is fixed when it starts; letting
 * go of the store (another org or adapter, or leaving the page) cancels it
 * (through `reset`); a move within the page does not.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { DashboardError, toDashboardError } from '../../contract/errors.js';
import type { Activity } from '../../contract/types.js';
import { calendarDayAt } from '../../format/calendar-day.js';
import { formatNumber, type FormatContext } from '../../format/format.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStore } from '../../store/store.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { ExportCsvEvent, type ActivityLogFilter, type ExportCsvDetail } from './activity-log.events.js';
import { effectiveTimeZone } from './date-range.js';
import type { ActivityErrorReport } from './error-report.js';
import { collectActivityCsv, csvOf, type CsvFile } from './export.js';

/** How long the export's object URL lives after the download starts (some browsers read it late). */
const REVOKE_DELAY_MS = 1000;

export interface CsvExportOptions {
  /** The store to read from; undefined in controlled mode, where the entries on screen are written. */
  store(): DashboardStore | undefined;
  /** The entries on screen in controlled mode; undefined when they come from a store. */
  entries(): readonly Activity[] | undefined;
  /** Applies filters still being typed: the file holds what the fields say. */
  commitFilters(): void;
  /** The organization shown, also without a store. */
  orgId(): string | undefined;
  /** The filters as the adapter receives them. */
  filter(): ActivityLogFilter;
  /** What `od-export-csv` says: the org and the filters as the viewer chose them. */
  request(): ExportCsvDetail;
  strings(): DashboardStrings;
  format(): FormatContext;
  announce(text: string): void;
  report: ActivityErrorReport;
}

type ExportHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The two buttons that take each other's place as an export starts and ends. */
const SWAPPED_PARTS: Record<string, string> = { export: 'export-cancel', 'export-cancel': 'export' };

export class CsvExport implements ReactiveController {
  private controller?: AbortController;
  /** The export button that had focus when this update began (see `hostUpdated`). */
  private focusedPart?: string;
  /** Entries written by the running export; undefined when none runs. */
  private count?: number;
  /** Why the last export failed, shown beside the Export button until the next one starts. */
  private error?: DashboardError;

  /** Add it before the host's `FocusKeeper`, so focus it keeps here is not lost to the list first. */
  constructor(
    private readonly host: ExportHost,
    private readonly options: CsvExportOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const part = this.host.shadowRoot?.activeElement?.getAttribute('part');
    this.focusedPart = part && part in SWAPPED_PARTS ? part : undefined;
  }

  /**
   * Export gives way to Cancel as an export starts, and Cancel to Export as it ends: focus on the
   * one goes to the other, so a keyboard viewer can cancel, or export again, where they are.
   */
  hostUpdated(): void {
    const root = this.host.shadowRoot;
    const was = this.focusedPart;
    this.focusedPart = undefined;
    if (!root || !was || root.activeElement) return;
    root.querySelector<HTMLElement>(`[part~="${SWAPPED_PARTS[was]}"]`)?.focus();
  }

  get running(): boolean {
    return this.controller !== undefined;
  }

  /** See `ActivityLog#exportCsv`. */
  async run(): Promise<void> {
    const { options } = this;
    if (!this.controller) options.commitFilters();
    // Nothing to read yet (no store bound, no data of the host's): no file, as the button is disabled.
    const store = options.store();
    const entries = options.entries();
    if (this.controller || (!store && !entries)) return;
    const controller = new AbortController();
    this.controller = controller;
    this.count = 0;
    this.error = undefined;
    this.host.requestUpdate();
    const strings = options.strings();
    // Fixed now: the file is named after the org its rows come from, and today where the viewer is.
    const orgId = store?.orgId ?? options.orgId();
    const fileName = fileNameFor(orgId, options.format().timeZone);
    try {
      const file: CsvFile = store
        ? await collectActivityCsv(
            { adapter: store.adapter, orgId: store.orgId, filter: options.filter() },
            strings.activityLogCsvHeader,
            controller.signal,
            (count) => this.progress(count),
          )
        : csvOf(entries ?? [], strings.activityLogCsvHeader);
      if (controller.signal.aborted || options.store() !== store) {
        throw new DashboardError('aborted', 'The export was cancelled.');
      }
      this.download(new Blob(file.chunks, { type: 'text/csv;charset=utf-8' }), fileName);
      options.announce(fillPlural(strings.activityLogExportDone, file.count, options.format()));
      if (store) options.report.leftOut(store, file.invalid);
    } catch (reason) {
      const error = toDashboardError(reason);
      if (controller.signal.aborted || error.code === 'aborted') {
        options.announce(strings.activityLogExportCancelled);
      } else {
        this.error = error;
        if (orgId) options.report.failure(error, orgId);
      }
    } finally {
      if (this.controller === controller) this.controller = undefined;
      this.count = undefined;
      this.host.requestUpdate();
    }
  }

  readonly cancel = (): void => {
    this.controller?.abort();
  };

  /** The log let go of its store: the export of its org stops, and its failure is no longer news. */
  reset(): void {
    this.cancel();
    this.error = undefined;
  }

  /** The header's export controls: progress and Cancel while one runs, else the button (and why the last one failed). */
  render(strings: DashboardStrings, canExport: boolean) {
    if (this.count !== undefined) {
      const count = formatNumber(this.count, this.options.format());
      return html`<span part="export-progress">${fill(strings.activityLogExporting, { count })}</span>
        <button part="export-cancel" type="button" @click=${this.cancel}>
          ${strings.activityLogExportCancel}
        </button>`;
    }
    const failed = this.error;
    return html`${
        failed
          ? html`<span part="export-error" role="alert"
              >${failed.code === 'invalid-data' ? strings.activityLogExportInvalid : strings.activityLogExportFailed}</span
            >`
          : nothing
      }<button part="export" type="button" ?disabled=${!canExport} @click=${this.onClick}>
        ${strings.activityLogExport}
      </button>`;
  }

  /** The host may export on its server instead: `preventDefault()` on `od-export-csv` stops this one. */
  private readonly onClick = (): void => {
    if (this.host.dispatchEvent(new ExportCsvEvent(this.options.request()))) void this.run();
  };

  private progress(count: number): void {
    this.count = count;
    this.host.requestUpdate();
  }

  private download(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.host.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}

/**
 * `<org>-activity-<YYYY-MM-DD>.csv`, today's date in the viewer's zone (the day they see, not UTC's),
 * with what a file name cannot hold replaced.
 */
function fileNameFor(orgId: string | undefined, timeZone: string | undefined): string {
  const org = (orgId ?? 'activity').replace(/[^\w.-]+/g, '_');
  const now = Date.now();
  const today = calendarDayAt(now, effectiveTimeZone(timeZone)) ?? new Date(now).toISOString().slice(0, 10);
  return `${org}-activity-${today}.csv`;
}
