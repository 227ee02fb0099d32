import type { PluralMessage } from './plural-message.js';

/** Texts every card shares. Replace any of them through a card's or the provider's `strings`. */
export const cardStrings = {
  loading: 'Loading…',
  retry: 'Retry',
  errorGeneric: 'Couldn’t load this information.',
  errorNetwork: 'Couldn’t reach the server. Check your connection.',
  errorTimeout: 'The server took too long to answer.',
  errorRateLimited: 'Too many requests. Try again in a moment.',
  errorInvalidData: 'The server sent data this card can’t read.',
  errorNotFound: 'This organization wasn’t found.',
  errorUnauthorized: 'Your session has ended. Sign in again.',
  noAccess: 'Ask your organization owner or administrator for access.',
  /** `{time}`: when the data was last known good. */
  lastUpdated: 'Last updated {time}',
  staleNotice: 'Showing saved data: the latest couldn’t be loaded.',
  /** `{count}`: how many items of a list were left out because their data was invalid. */
  invalidItems: {
    one: '{count} item couldn’t be shown.',
    other: '{count} items couldn’t be shown.',
  } as PluralMessage,
};

export type CardStrings = typeof cardStrings;

/** The message each error code shows, in cards and the activity log alike; other codes: `errorGeneric`. */
type ErrorTextKey = Extract<
  keyof CardStrings,
  | 'errorNetwork'
  | 'errorTimeout'
  | 'errorRateLimited'
  | 'errorInvalidData'
  | 'errorNotFound'
  | 'errorUnauthorized'
>;

export const ERROR_TEXT: Partial<Record<string, ErrorTextKey>> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  'rate-limited': 'errorRateLimited',
  'invalid-data': 'errorInvalidData',
  'not-found': 'errorNotFound',
  unauthorized: 'errorUnauthorized',
};
