/**
 * What every card's stories file declares the same way: the args that say where the card's
 * provider points (org, locale, time zone, access denied, heading level), their controls, and the
 * column the card sits in. The file keeps its `title` and `component` literal, because Storybook
 * reads them from the source to name the stories.
 */
import type { ArgTypes, Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ACME_ORG_ID } from '../../src/mocks/fixtures.js';

/** The args every card story has. */
export interface CardArgs {
  orgId: string;
  locale: string;
  timeZone: string;
  accessDenied: 'notice' | 'hide';
}

/** ...and a card with a heading has its level. */
export interface HeadedCardArgs extends CardArgs {
  headingLevel: number;
}

/** An arg's default and its control. */
type Control = readonly [value: unknown, argType: ArgTypes[string]];
export type Controls = Record<string, Control>;

const PROVIDER_CONTROLS = {
  locale: ['en-US', { control: 'text' }],
  timeZone: ['', { control: 'text', name: 'time-zone' }],
  accessDenied: ['notice', { control: 'inline-radio', options: ['notice', 'hide'], name: 'access-denied' }],
} satisfies Controls;

const HEADING_LEVEL = {
  headingLevel: [2, { control: { type: 'number', min: 1, max: 6 }, name: 'heading-level' }],
} satisfies Controls;

export interface CardMetaOptions {
  /** Who is looking, listed right after the org (the announcements panel's `user-id`). */
  viewer?: Controls;
  /** The card's own attributes, listed after the shared ones. */
  own?: Controls;
  /** Whether the card has a `heading-level` (default: yes). */
  heading?: boolean;
  /** The column's width, in pixels. */
  maxWidth?: number;
}

/** `args`, `argTypes` and the column decorator of a card's `meta`, in the order the Controls panel lists them. */
export function cardMeta<Args extends CardArgs>(
  options: CardMetaOptions = {},
): Pick<Meta<Args>, 'args' | 'argTypes' | 'decorators'> {
  const { viewer, own, heading = true, maxWidth = 420 } = options;
  const controls: Controls = {
    orgId: [ACME_ORG_ID, { control: 'text', name: 'org-id' }],
    ...viewer,
    ...PROVIDER_CONTROLS,
    ...(heading ? HEADING_LEVEL : {}),
    ...own,
  };
  const entries = Object.entries(controls);
  return {
    args: Object.fromEntries(entries.map(([name, [value]]) => [name, value])) as Partial<Args>,
    argTypes: Object.fromEntries(
      entries.map(([name, [, argType]]) => [name, argType]),
    ) as Meta<Args>['argTypes'],
    decorators: [(story) => html`<div style="max-width: ${maxWidth}px">${story()}</div>`],
  };
}
