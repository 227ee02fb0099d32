/**
 * Where live streams resume (`Last-Event-ID`). Each stream remembers its last
 * event id; for the multi-org stream each org also remembers the last id it
 * was carried to. A stream that carries orgs another stream (or another tab's)
 * carried before resumes from the earliest of their points, so none of them
 * misses what happened in between; the events this replays for the others
 * come twice and are dropped by id (live-hub.ts).
 *
 * Comparing points needs ids that are decimal integers, as DESIGN.md's servers
 * send (one sequence for every org). With other ids the stream resumes from
 * its own last id.
 */
/** The `via` of the multi-org stream; a per-org stream's `via` is its org id. */
export const MULTI_STREAM = '*';

const DECIMAL = /^\d{1,15}$/;

/** What one tab knows of resume points, as passed to another: `[via or org, id]` pairs. */
export interface ResumeSnapshot {
  streams: Array<[string, string]>;
  orgs: Array<[string, string]>;
}

export class ResumePoints {
  readonly #byStream = new Map<string, string>();
  readonly #byOrg = new Map<string, string>();

  /** Event `id` arrived on `via`, which carries `orgs`. */
  record(via: string, id: string, orgs: Iterable<string>): void {
    this.#byStream.set(via, id);
    if (via === MULTI_STREAM) for (const org of orgs) this.#byOrg.set(org, id);
  }

  /**
   * A stream of `orgs` opened with `Last-Event-ID: id`: it brings everything after `id`, so
   * that is where any of them with no point yet resumes.
   */
  opened(via: string, id: string, orgs: Iterable<string>): void {
    fill(this.#byStream, [[via, id]]);
    if (via === MULTI_STREAM)
      fill(
        this.#byOrg,
        [...orgs].map((org): [string, string] => [org, id]),
      );
  }

  /** Whether a stream resuming now could bring `orgId` what it missed. */
  knows(orgId: string): boolean {
    return this.#byOrg.has(orgId) || this.#byStream.has(orgId);
  }

  snapshot(): ResumeSnapshot {
    return { streams: [...this.#byStream], orgs: [...this.#byOrg] };
  }

  /**
   * Points another tab knows and this one does not (it joined later, or its last messages were
   * still on the way). Points it has are newer or the same: every tab hears the same leader.
   */
  learn(snapshot: ResumeSnapshot): void {
    fill(this.#byStream, snapshot.streams);
    fill(this.#byOrg, snapshot.orgs);
  }

  /** Whether a multi-org stream carried `orgId` (in this tab or the leader's). */
  carried(orgId: string): boolean {
    return this.#byOrg.has(orgId);
  }

  /** Where a per-org stream resumes. */
  perOrg(orgId: string): string | undefined {
    return this.#byStream.get(orgId);
  }

  /** Where a multi-org stream for `orgs` resumes: the earliest point of any of them. */
  multi(orgs: Iterable<string>): string | undefined {
    const own = this.#byStream.get(MULTI_STREAM);
    const points = [...orgs].map((org) => this.#byOrg.get(org)).filter((id) => id !== undefined);
    if (points.length === 0 || !points.every((id) => DECIMAL.test(id))) return own;
    return points.reduce((earliest, id) => (Number(id) < Number(earliest) ? id : earliest));
  }
}

function fill(points: Map<string, string>, pairs: Iterable<[string, string]>): void {
  for (const [key, id] of pairs) if (!points.has(key)) points.set(key, id);
}
