/** Failures the tests and stories inject with `failNext`: which request takes one, and what it answers. */
import { delay, HttpResponse } from 'msw';
import type { Decline } from '../adapters/declines.js';
import type { InjectedFailure, RestEndpoint } from './api.js';
import { errorResponse, json } from './responses.js';

export interface Failure {
  target: RestEndpoint | '*' | RegExp;
  failure: InjectedFailure;
  times: number;
  retryAfter?: string;
  /** The request is handled first (a purchase charged), then the answer is replaced by the failure. */
  afterHandling?: boolean;
}

/** Injected failures in the order given; each serves `times` matching requests. */
export class FailureQueue {
  private readonly failures: Failure[] = [];

  add(failure: Failure): void {
    this.failures.push(failure);
  }

  /** The first failure aimed at this request, counted as used. */
  take(endpoint: RestEndpoint, pathname: string): Failure | undefined {
    const { failures } = this;
    const index = failures.findIndex(({ target }) =>
      target instanceof RegExp ? target.test(pathname) : target === '*' || target === endpoint,
    );
    if (index < 0) return undefined;
    const found = failures[index];
    found.times -= 1;
    if (found.times <= 0) failures.splice(index, 1);
    return found;
  }
}

/**
 * What a failure answers; undefined where the endpoint reports it otherwise (a malformed stream
 * frame). A `timeout` never answers: the client gives up.
 */
export async function failureResponse(endpoint: RestEndpoint, found: Failure): Promise<Response | undefined> {
  const { failure } = found;
  if (failure === 'timeout') {
    await delay('infinite');
    return undefined;
  }
  if (failure === 'network') return HttpResponse.error();
  if (failure === 'malformed') {
    // The stream reports malformed data inside an otherwise normal stream.
    return endpoint === 'subscribe' ? undefined : json({ unexpected: 'shape' });
  }
  const retryAfter = found.retryAfter ?? (failure === 429 ? '1' : undefined);
  return errorResponse(
    failure,
    `Injected ${failure} failure.`,
    retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  );
}

/**
 * The decline a failure stands for: a 402 aimed at a purchase, before handling, is the payment
 * backend's answer rather than a failure on the way. The purchase is handled up to where it would be
 * charged (401, 404, 403, 400 and 422 come first; a known key gets its first answer), then declined
 * and kept with its key, so every repeat of the key gets the same 402 and body (`takePurchase`).
 */
export function declineOf(endpoint: RestEndpoint, found: Failure | undefined): Decline | undefined {
  return endpoint === 'purchaseCredits' && found?.failure === 402 && !found.afterHandling
    ? { status: 402, message: 'Injected 402 failure.' }
    : undefined;
}
