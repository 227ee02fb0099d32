/**
 * Cards can be upgraded before the provider around them: the per-element `define/*` entries load
 * in any order, and partners register the classes under their own tags whenever they like. A
 * card's context request made while its provider was still an unknown element reaches nobody, and
 * the card would wait in loading forever. Lit's `ContextRoot` keeps such unanswered requests and
 * sends them again whenever a provider connects (its `context-provider` event), so the card finds
 * the provider as soon as the provider's class is registered.
 */
import { ContextRoot } from '@lit/context';

let listening = false;

/** Starts listening for late providers on the document, once per page (never on a server). */
export function listenForLateProviders(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  new ContextRoot().attach(document.documentElement);
}
