/**
 * The state stories every data card has (loading, the two errors, no access shown and hidden, stale,
 * empty), built once from how a card renders inside a provider and which endpoint it reads. Storybook
 * indexes stories by their static named exports, so each card's file still exports them by name:
 * `export const Loading = states.Loading;`.
 */
import type { StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AdapterRequest } from '../../src/contract/access.js';
import { failOnEachVisit, mockBackend, silentBackend, type MockBackend } from '../support/mock-backend.js';

/** Any 4xx/5xx stays answered this long: as good as always, for a story. */
const ALWAYS = Number.MAX_SAFE_INTEGER;

type StateName = 'Loading' | 'Error' | 'NetworkError' | 'NoAccess' | 'NoAccessHidden' | 'Stale';

/** Every card's stories have `access-denied` as an arg. */
interface CardArgs {
  accessDenied: 'notice' | 'hide';
}

export interface CardStatesOptions<Args extends CardArgs> {
  /** The card inside a provider on `backend`, as the file's other stories render it. */
  render: (backend: MockBackend) => StoryObj<Args>['render'];
  /** The endpoint the card reads (its failures are the error states). */
  endpoint: AdapterRequest;
  /** What the element is called in the descriptions: `card` (default) or `panel`. */
  noun?: string;
  /** What stays on screen while stale: `data` (default), `entries`, `announcements`. */
  kept?: string;
  /**
   * How a viewer gets no access: args of an org whose viewer lacks the read permission, so the card
   * never asks; by default the endpoint answers 403.
   */
  noAccessArgs?: Partial<Args>;
  /** More for a story (args, `beforeEach`), merged over what the helper builds. */
  extra?: Partial<Record<StateName, Partial<StoryObj<Args>>>>;
}

export type CardStateStories<Args> = Record<StateName, StoryObj<Args>>;

/** One story on its own mocked backend, described for the docs page. */
function storyOn<Args>(
  backend: MockBackend,
  render: StoryObj<Args>['render'],
  description: string,
  extra: Partial<StoryObj<Args>> = {},
): StoryObj<Args> {
  return {
    render,
    parameters: { msw: backend.msw, docs: { description: { story: description } } },
    ...extra,
  };
}

export function cardStateStories<Args extends CardArgs>(
  options: CardStatesOptions<Args>,
): CardStateStories<Args> {
  const { render, endpoint, noun = 'card', kept = 'data', noAccessArgs, extra = {} } = options;
  const on = (
    name: StateName,
    backend: MockBackend,
    description: string,
    more: Partial<StoryObj<Args>> = {},
  ) => {
    const own: Partial<StoryObj<Args>> = extra[name] ?? {};
    // Both run when the file's own story adds a `beforeEach` to the helper's.
    const beforeEach = [more.beforeEach ?? [], own.beforeEach ?? []].flat();
    return storyOn(backend, render(backend), description, { ...more, ...own, beforeEach });
  };

  // Failed anew on every visit (`arm` in `beforeEach`), so Retry has something to recover from each time.
  const failing = failOnEachVisit(mockBackend(), endpoint, 500);
  const offline = failOnEachVisit(mockBackend(), endpoint, 'network');
  const forbidden = mockBackend();
  const hidden = mockBackend();
  if (!noAccessArgs) {
    forbidden.api.failNext(endpoint, 403, ALWAYS);
    hidden.api.failNext(endpoint, 403, ALWAYS);
  }
  const stale = mockBackend();
  stale.api.failNext('subscribe', 503, ALWAYS);

  return {
    Loading: on(
      'Loading',
      silentBackend(),
      `The skeleton has the size of the final ${noun}, so nothing moves when data arrives.`,
    ),
    Error: on('Error', failing, 'The server failed; Retry asks again (and this time it answers).', {
      beforeEach: failing.arm,
    }),
    NetworkError: on('NetworkError', offline, 'The server could not be reached; Retry asks again.', {
      beforeEach: offline.arm,
    }),
    NoAccess: on(
      'NoAccess',
      forbidden,
      noAccessArgs
        ? `A viewer without read access: the ${noun} never asks and says whom to ask.`
        : `The server refuses (403): the ${noun} says whom to ask for access.`,
      noAccessArgs ? { args: noAccessArgs } : {},
    ),
    NoAccessHidden: storyOn(
      hidden,
      ((args: Args, context: StoryContext<Args>) =>
        html`<p>The ${noun} below is hidden:</p>
          ${render(hidden)!(args, context)}
          <p>(end)</p>`) as StoryObj<Args>['render'],
      `With \`access-denied="hide"\` the ${noun} takes no space at all.`,
      { args: { ...noAccessArgs, accessDenied: 'hide' } as Partial<Args>, ...extra.NoAccessHidden },
    ),
    Stale: on(
      'Stale',
      stale,
      `The live connection keeps failing: the last good ${
        kept === 'data' ? 'data stays, with when it was' : `${kept} stay, with when they were`
      } last updated.`,
    ),
  };
}

/** An empty state on its own backend: `prepare` takes the data away. */
export function emptyStory<Args>(
  render: (backend: MockBackend) => StoryObj<Args>['render'],
  prepare: (backend: MockBackend) => void,
  description: string,
  extra: Partial<StoryObj<Args>> = {},
): StoryObj<Args> {
  const backend = mockBackend();
  prepare(backend);
  return storyOn(backend, render(backend), description, extra);
}
