/**
 * The stories every card has besides its states, built once from the card's own markup: the card
 * inside a provider on a mocked backend, right to left in Arabic, in Japanese, with the texts
 * replaced through the provider, and on its own without a provider.
 */
import type { StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../../src/define/org-dashboard-provider.js';
import type { DashboardLinks } from '../../src/contract/links.js';
import type { DashboardAdapter } from '../../src/contract/types.js';
import type { DashboardStrings } from '../../src/index.js';
import { GULF_ORG_ID, SAKURA_ORG_ID } from '../../src/mocks/fixtures.js';
import { mockBackend, type MockBackend } from '../support/mock-backend.js';
import type { CardArgs } from './card-meta.js';

/** The viewer's own time zone, for a story whose `timeZone` arg is left empty. */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Kuwait in Arabic: right to left, and three minor digits in its dinars. */
const RIGHT_TO_LEFT = { orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' };
/** Tokyo in Japanese: yen have no minor unit. */
const JAPANESE = { orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo' };

/** A host router's part: cancels an action's event and says, in the `output` beside the card, where it would go. */
function routeInstead(event: Event): void {
  const { detail } = event as CustomEvent<{ href?: string }>;
  event.preventDefault();
  const output = (event.currentTarget as HTMLElement).querySelector('output');
  if (output) output.textContent = `${event.type}: the host router would open ${detail.href ?? '(no URL)'}`;
}

export interface InProviderOptions<Args> {
  /** The host's URL templates, given to the provider. */
  links?: DashboardLinks;
  /** Other markup for the card than the usual. */
  card?: (args: Args) => TemplateResult;
}

/**
 * `tag` is the element's; `card` renders it with its own attributes from the args, and the provider
 * gets the rest.
 */
export function cardStories<Args extends CardArgs>(tag: string, card: (args: Args) => TemplateResult) {
  type Story = StoryObj<Args>;
  const element = unsafeStatic(tag);

  /** Inside a provider, the usual way. */
  function inProvider(
    backend: { adapter: DashboardAdapter },
    options: InProviderOptions<Args> = {},
  ): Story['render'] {
    const inner = options.card ?? card;
    // The cast: `Story['render']` of a generic `Args` is a conditional type TypeScript cannot match.
    return ((args: Args) => html`
      <org-dashboard-provider
        org-id=${args.orgId}
        .adapter=${backend.adapter}
        .links=${options.links}
        locale=${args.locale}
        time-zone=${args.timeZone || viewerTimeZone()}
        access-denied=${args.accessDenied}
      >
        ${inner(args)}
      </org-dashboard-provider>
    `) as Story['render'];
  }

  /** The card inside a provider on `backend`, with `extra` over it. */
  function story(backend: MockBackend, extra: Partial<Story> = {}): Story {
    return { render: inProvider(backend), parameters: { msw: backend.msw }, ...extra };
  }

  return {
    inProvider,
    story,

    /** Arabic, right to left, in Kuwait's time zone (with `extra` over it). */
    rightToLeft: (extra: Partial<Story> = {}): Story =>
      story(mockBackend(), {
        ...extra,
        args: { ...RIGHT_TO_LEFT, ...extra.args } as Partial<Args>,
        decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
      }),

    /** Japanese, in Tokyo's time zone (with `extra` over it). */
    japanese: (extra: Partial<Story> = {}): Story =>
      story(mockBackend(), { ...extra, args: { ...JAPANESE, ...extra.args } as Partial<Args> }),

    /** Every text can be replaced through the provider: `strings` given to it, around `bare` markup. */
    customStrings: (
      strings: Partial<DashboardStrings>,
      bare: (args: Args) => TemplateResult,
      extra: Partial<Story> = {},
    ): Story => {
      const backend = mockBackend();
      return {
        parameters: { msw: backend.msw },
        ...extra,
        render: (args) => html`
          <org-dashboard-provider org-id=${args.orgId} .adapter=${backend.adapter} .strings=${strings}>
            ${bare(args)}
          </org-dashboard-provider>
        `,
      };
    },

    /** No provider: the card's own `org-id`, `adapter` and whatever `alone` gives it. */
    standalone: (
      alone: (args: Args, adapter: DashboardAdapter) => TemplateResult,
      extra: Partial<Story> = {},
    ): Story => {
      const backend = mockBackend();
      return { parameters: { msw: backend.msw }, ...extra, render: (args) => alone(args, backend.adapter) };
    },

    /**
     * With URL templates (`links`) the actions are real links; a host router around the card takes
     * each of `events` over and says where it would go. Adding the same listener again is a no-op,
     * so a re-render adds nothing.
     */
    withLinks: (links: DashboardLinks, events: readonly string[], prompt: string): Story => {
      const backend = mockBackend();
      const route = (wrapper?: Element) =>
        events.forEach((type) => wrapper?.addEventListener(type, routeInstead));
      return {
        parameters: { msw: backend.msw },
        render: ((args: Args, context: StoryContext<Args>) => html`
          <div ${ref(route)}>
            ${inProvider(backend, { links })!(args, context)}
            <p><output>${prompt}</output></p>
          </div>
        `) as Story['render'],
      };
    },

    /** The host gives `data` that breaks the contract, and nothing else. */
    invalidData: (data: unknown): Story => ({
      render: (() => staticHtml`<${element} .data=${data}></${element}>`) as Story['render'],
    }),
  };
}
