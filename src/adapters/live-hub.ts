/**
 * Every live subscription of a `baseUrl` in the browser goes through one hub
 * per page (DESIGN.md, "Live connections at scale"). With the browser's own
 * `fetch`, the hubs of all tabs elect a leader (tab-link.ts): only it opens
 * streams (live-streams.ts), for the orgs every tab wants, and passes each
 * event to the other tabs. When the leader closes, the next tab leads and
 * resumes with `Last-Event-ID` from the earliest point any tab knows (every
 * tab learns the leader's points); events seen twice around that handover are
 * delivered once, and a subscriber whose org had no point anywhere fetches
 * again (`reconnecting`, then `open`).
 *
 * A custom `fetch` is this page's own: its hub is shared only by adapters of
 * this page with the same `fetch` and `baseUrl`.
 */
import type { DashboardEvent, LiveConnectionState, SubscribeOptions } from '../contract/types.js';
import type { HttpClient } from './http.js';
import { LiveStreams } from './live-streams.js';
import { MULTI_STREAM, ResumePoints } from './resume-points.js';
import { report, type StreamSettings } from './sse.js';
import { TabLink, type TabMessage } from './tab-link.js';

interface Subscriber {
  orgId: string;
  onEvent(event: DashboardEvent): void;
  onConnectionChange?: (state: LiveConnectionState) => void;
  state?: LiveConnectionState;
}

/** How many recent event ids are remembered to drop the repeats of a handover. */
const REMEMBERED_IDS = 4096;

export class LiveHub {
  readonly #subscribers = new Set<Subscriber>();
  /** Where a stream opened by this tab resumes, learnt from its own streams or the leader's. */
  readonly #points = new ResumePoints();
  readonly #seen = new Set<string>();
  /**
   * The state of each org this tab wants (the leader: every tab's). Forgotten when no longer
   * wanted: nothing tells an org's state while nobody wants it, so one wanted again learns it anew.
   */
  readonly #states = new Map<string, LiveConnectionState>();
  /** Other tabs' orgs, while this tab leads. */
  readonly #remote = new Map<string, Set<string>>();
  /** Gone when the browser refuses the lock or the channel: this page then streams alone. */
  #link?: TabLink;
  #streams?: LiveStreams;
  #wantQueued = false;
  #disposed = false;

  constructor(
    private readonly http: HttpClient,
    private readonly settings: StreamSettings,
    /** The lock and channel name when tabs share the stream. */
    shareAs: string | undefined,
    /** Settles when this page's previous hub of the `baseUrl` has let go of its streams. */
    after: Promise<void>,
    private readonly onEmpty: (closing: Promise<void>) => void,
  ) {
    if (shareAs === undefined) {
      void after.then(() => this.#lead(false));
      return;
    }
    const handlers = {
      lead: (handover: boolean) => this.#lead(handover),
      message: this.#onMessage,
      unshared: () => this.#unshared(),
    };
    this.#link = new TabLink(shareAs, handlers, after);
    addEventListener('pagehide', this.#onPageHide);
    addEventListener('pageshow', this.#onPageShow);
  }

  /** Whether this tab holds the streams (always, without tab sharing). */
  get leading(): boolean {
    return this.#streams !== undefined;
  }

  /** Live events of `orgId` until the returned function is called or `options.signal` aborts. */
  add(orgId: string, onEvent: (event: DashboardEvent) => void, options: SubscribeOptions): () => void {
    const subscriber: Subscriber = { orgId, onEvent, onConnectionChange: options.onConnectionChange };
    this.#subscribers.add(subscriber);
    const unsubscribe = () => {
      options.signal?.removeEventListener('abort', unsubscribe);
      if (!this.#subscribers.delete(subscriber)) return;
      this.#tell(subscriber, 'closed');
      this.#wantsChanged();
    };
    options.signal?.addEventListener('abort', unsubscribe, { once: true });
    // What the others of this org already know, this one learns too (soon, as a connect would).
    const known = this.#streams?.isClosed(orgId) ? 'closed' : this.#states.get(orgId);
    if (known) queueMicrotask(() => this.#subscribers.has(subscriber) && this.#apply([subscriber], known));
    this.#wantsChanged();
    return unsubscribe;
  }

  #lead(handover: boolean): void {
    if (this.#disposed) return;
    this.#streams = new LiveStreams(
      this.http,
      this.settings,
      {
        event: (orgId, event, via, id, carries) => {
          this.#receive(orgId, event, via, id, carries);
          this.#link?.post({ t: 'ev', via, id, carries, orgId, event });
        },
        resumePoint: (via, id, carries) => this.#link?.post({ t: 'id', via, id, carries }),
        state: (orgs, state) => {
          // Where it resumes reaches the other tabs before they count on it.
          if (state === 'open') this.#link?.post({ t: 'pt', points: this.#points.snapshot() });
          this.#setState(orgs, state);
          this.#link?.post({ t: 'st', orgs: [...orgs], state });
        },
      },
      this.#points,
    );
    if (handover) this.#resyncUnresumable();
    this.#link?.post({ t: 'hello', handover });
    this.#sendWants();
  }

  /**
   * The browser refused the lock or the channel (tab-link.ts): this page streams its own orgs, as
   * without tab sharing. A follower that heard a leader resumes from its points, as at a handover.
   */
  #unshared(): void {
    const link = this.#link;
    if (this.#disposed || !link) return;
    // A leader in another tab no longer streams this tab's orgs for it.
    link.post({ t: 'want', from: link.id, orgs: [] });
    void link.close();
    this.#link = undefined;
    removeEventListener('pagehide', this.#onPageHide);
    removeEventListener('pageshow', this.#onPageShow);
    this.#remote.clear();
    if (this.#streams) return this.#sendWants();
    this.#lead([...this.#subscribers].some((subscriber) => subscriber.state !== undefined));
  }

  readonly #onMessage = (message: TabMessage): void => {
    if (this.#disposed) return;
    switch (message.t) {
      case 'hello':
        if (message.handover) this.#resyncUnresumable();
        return this.#sendWants();
      case 'want': {
        const streams = this.#streams;
        if (!streams) return;
        if (message.points) this.#points.learn(message.points);
        if (message.orgs.length === 0) this.#remote.delete(message.from);
        else {
          this.#remote.set(message.from, new Set(message.orgs));
          const states: Array<[string, LiveConnectionState]> = [];
          for (const org of message.orgs) {
            const state = streams.isClosed(org) ? 'closed' : this.#states.get(org);
            if (state) states.push([org, state]);
          }
          this.#link?.post({ t: 'sync', to: message.from, points: this.#points.snapshot(), states });
        }
        return this.#sendWants();
      }
      case 'sync':
        if (this.#streams || message.to !== this.#link?.id) return;
        this.#points.learn(message.points);
        for (const [org, state] of message.states) this.#setState([org], state);
        return;
      case 'pt':
        if (!this.#streams) this.#points.learn(message.points);
        return;
      case 'ev':
        return this.#receive(message.orgId, message.event, message.via, message.id, message.carries);
      case 'id':
        if (!this.#streams) this.#points.record(message.via, message.id, message.carries);
        return;
      case 'st':
        if (!this.#streams) this.#setState(message.orgs, message.state);
        return;
    }
  };

  /**
   * The tab that led has gone. Its last events reached some tabs and not others, so a stream
   * resumes from the earliest point any tab knows; a subscriber of an org no tab here knows a
   * point for may have missed some: `reconnecting`, and its store fetches again on `open`.
   */
  #resyncUnresumable(): void {
    for (const subscriber of this.#subscribers)
      if (!this.#points.knows(subscriber.orgId)) this.#tell(subscriber, 'reconnecting');
  }

  #receive(
    orgId: string,
    event: DashboardEvent,
    via: string,
    id: string | undefined,
    carries: string[],
  ): void {
    // Repeats come from resuming: at a handover between tabs, or from an earlier point for an org.
    if (id !== undefined && (this.#link || via === MULTI_STREAM)) {
      const key = `${via}\n${id}`;
      if (this.#seen.has(key)) return;
      this.#seen.add(key);
      // A Set iterates in insertion order: the first is the oldest.
      if (this.#seen.size > REMEMBERED_IDS) this.#seen.delete(this.#seen.values().next().value!);
      if (!this.#streams) this.#points.record(via, id, carries);
    }
    for (const subscriber of [...this.#subscribers]) {
      if (subscriber.orgId !== orgId || !this.#subscribers.has(subscriber)) continue;
      try {
        subscriber.onEvent(event);
      } catch (error) {
        report(error);
      }
    }
  }

  #setState(orgs: readonly string[], state: LiveConnectionState): void {
    const named = new Set(orgs);
    // A follower hears the leader tell every tab's orgs: it keeps its own.
    const kept = this.#streams ? named : this.#localOrgs();
    for (const org of named) {
      if (state === 'closed' || !kept.has(org)) this.#states.delete(org);
      else this.#states.set(org, state);
    }
    this.#apply(
      [...this.#subscribers].filter((subscriber) => named.has(subscriber.orgId)),
      state,
    );
  }

  /** `closed` ends those subscriptions: their stores poll from then on. */
  #apply(subscribers: Subscriber[], state: LiveConnectionState): void {
    for (const subscriber of subscribers) {
      if (state === 'closed') this.#subscribers.delete(subscriber);
      this.#tell(subscriber, state);
    }
    if (state === 'closed' && subscribers.length) this.#wantsChanged();
  }

  #tell(subscriber: Subscriber, state: LiveConnectionState): void {
    if (subscriber.state === state || subscriber.state === 'closed') return;
    subscriber.state = state;
    try {
      subscriber.onConnectionChange?.(state);
    } catch (error) {
      report(error);
    }
  }

  #localOrgs(): Set<string> {
    return new Set([...this.#subscribers].map((subscriber) => subscriber.orgId));
  }

  #wantsChanged(): void {
    if (this.#subscribers.size === 0) return this.#dispose();
    if (this.#streams) return this.#sendWants();
    // A follower tells the leader once per burst of subscriptions.
    if (this.#wantQueued) return;
    this.#wantQueued = true;
    queueMicrotask(() => {
      this.#wantQueued = false;
      if (this.#subscribers.size) this.#sendWants();
    });
  }

  /** The leader's streams follow every tab's orgs; a follower tells the leader its own. */
  #sendWants(): void {
    const local = this.#localOrgs();
    if (this.#streams) for (const orgs of this.#remote.values()) for (const org of orgs) local.add(org);
    for (const org of this.#states.keys()) if (!local.has(org)) this.#states.delete(org);
    if (this.#streams) {
      this.#streams.want(local);
    } else if (this.#link && local.size) {
      this.#link.post({ t: 'want', from: this.#link.id, orgs: [...local], points: this.#points.snapshot() });
    }
  }

  #dispose(): void {
    this.#disposed = true;
    let closing = this.#streams?.dispose() ?? Promise.resolve();
    this.#streams = undefined;
    const link = this.#link;
    if (link) {
      link.post({ t: 'want', from: link.id, orgs: [] });
      removeEventListener('pagehide', this.#onPageHide);
      removeEventListener('pageshow', this.#onPageShow);
      // The lock goes once the streams have let go, so the next leader's never overlap them.
      closing = closing.then(() => link.close());
    }
    this.onEmpty(closing);
  }

  /** A page that goes away (or into the back-forward cache) stops asking; the lock goes with it. */
  readonly #onPageHide = (): void => {
    if (this.#link && !this.#streams) this.#link.post({ t: 'want', from: this.#link.id, orgs: [] });
  };

  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.#sendWants();
  };
}
