/**
 * `<workspace-stats-card>`'s list of the "Others" by state, shown on demand:
 * each state by its name in the active language when it has one, else its
 * name from the data made readable.
 */
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatNumber, type FormatContext } from '../../format/format.js';
import type { DashboardStrings, TextKey } from '../../strings/strings.js';

/** State names with a replaceable text of their own; others are humanized. */
const KNOWN_STATES: Record<string, TextKey> = {
  creating: 'workspacesStateCreating',
  deploying: 'workspacesStateDeploying',
  failed: 'workspacesStateFailed',
};

/**
 * `needs_review`, `needs-review` and `needsReview` all read "Needs review". Cased without a
 * locale: the name is the API's identifier, and the browser's own language (Turkish's dotless ı)
 * must not change how it reads.
 */
export function humanizeState(name: string): string {
  const words = name
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

function stateName(name: string, strings: DashboardStrings): string {
  // Whatever its case in the data (FAILED, Deploying): a known state reads in the viewer's language.
  const known = name.toLowerCase();
  const key = Object.hasOwn(KNOWN_STATES, known) ? KNOWN_STATES[known] : undefined;
  return (key && strings[key]) || humanizeState(name) || '–';
}

/**
 * The list (`id="others-by-state"`, which the card's toggle controls), kept in
 * the DOM while closed so `aria-controls` always points at something.
 */
export function renderOthersByState(
  entries: [string, number][],
  open: boolean,
  strings: DashboardStrings,
  format: FormatContext,
) {
  return html`
    <ul
      part="others-by-state"
      id="others-by-state"
      aria-label=${strings.workspacesOthersByStateLabel}
      ?hidden=${!open}
    >
      ${repeat(
        entries,
        ([name]) => name,
        ([name, count]) => html`
          <li>
            <span class="state-name">${stateName(name, strings)}</span>
            <span class="count">${formatNumber(count, format)}</span>
          </li>
        `,
      )}
    </ul>
  `;
}
