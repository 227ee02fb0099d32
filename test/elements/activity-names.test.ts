/**
 * The resource types and actions the API uses are told in the viewer's language, in the feed and in
 * the log that its "Show more" leads to alike, and in the log's filter menus; any other name is shown
 * as the data gives it. The expected words come from the catalogs themselves: the English text of
 * each name's key is the API's own name for it.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/activity-feed.js';
import '../../src/define/activity-log.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import { availableLocales, loadedCatalog, loadLocale } from '../../src/i18n/catalogs.js';
import { activityFeedStrings } from '../../src/strings/activity-feed.js';
import type { DashboardStrings } from '../../src/strings/strings.js';
import { until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

type Key = keyof DashboardStrings;
const english = activityFeedStrings as Record<string, unknown>;
/** The API's names with a text of their own: the English text of each `activityResource…`/`activityAction…` key. */
const namesOf = (prefix: string): [string, Key][] =>
  Object.keys(english)
    .filter((key) => key.startsWith(prefix))
    .map((key) => [english[key] as string, key as Key]);
const RESOURCE_TYPES = namesOf('activityResource');
const ACTIONS = namesOf('activityAction');
const UNKNOWN_TYPE = 'Widgets';
const UNKNOWN_ACTION = 'Archive';

/** Every known type and action at least once, and one entry the catalogs know nothing of. */
const entries: Activity[] = [
  ...RESOURCE_TYPES.map(([resourceType], i) => ({
    id: `a${i}`,
    resourceType,
    action: ACTIONS[i % ACTIONS.length][0],
    occurredAt: new Date(Date.UTC(2026, 10, 20, 10, 0) - i * 60_000).toISOString(),
  })),
  {
    id: 'unknown',
    resourceType: UNKNOWN_TYPE,
    action: UNKNOWN_ACTION,
    occurredAt: '2026-11-19T10:00:00Z',
  },
];

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

/** Each entry's shown resource type and action, by entry id. */
function shownNames(root: ShadowRoot): Map<string, [string, string]> {
  const names = new Map<string, [string, string]>();
  for (const entry of root.querySelectorAll<HTMLElement>('[data-id]')) {
    const text = (part: string) => clean(entry.querySelector(`[part~="${part}"]`)?.textContent);
    names.set(entry.dataset.id!, [text('resource-type'), text('activity-action')]);
  }
  return names;
}

describe('activity names in the viewer’s language', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  before(() => setViewport({ width: 1400, height: 1600 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const locale of availableLocales()) {
    it(`${locale}: the feed, the log and the log's menus say the same names`, async () => {
      await loadLocale(locale);
      const catalog = loadedCatalog(locale) ?? {};
      const said = (name: string, key: Key | undefined) =>
        (key && (catalog[key] as string | undefined)) || (key ? (english[key] as string) : name);
      const typeKey = new Map(RESOURCE_TYPES);
      const actionKey = new Map(ACTIONS);

      // Side by side at the top of a tall page: the log renders only the rows in view.
      const page = document.createElement('div');
      page.style.cssText = 'display: flex; align-items: start; gap: 16px';
      const feed = document.createElement('activity-feed') as ActivityFeed;
      const log = document.createElement('activity-log') as ActivityLog;
      log.style.cssText = 'flex: 1; --od-activity-log-height: 1200px';
      feed.style.flex = '1';
      feed.limit = entries.length;
      for (const element of [feed, log]) {
        element.locale = locale;
        element.data = entries;
        page.append(element);
      }
      document.body.prepend(page);
      try {
        await until(() => shownNames(feed.shadowRoot!).size === entries.length, 'feed entries');
        await until(() => shownNames(log.shadowRoot!).size === entries.length, 'log entries');
        const expected = new Map(
          entries.map((a) => [
            a.id,
            [said(a.resourceType, typeKey.get(a.resourceType)), said(a.action, actionKey.get(a.action))],
          ]),
        );
        expect(Object.fromEntries(shownNames(feed.shadowRoot!)), 'feed').to.deep.equal(
          Object.fromEntries(expected),
        );
        expect(Object.fromEntries(shownNames(log.shadowRoot!)), 'log').to.deep.equal(
          Object.fromEntries(expected),
        );
        expect(expected.get('unknown')).to.deep.equal([UNKNOWN_TYPE, UNKNOWN_ACTION]);

        // The menus: each option's label in the viewer's language, its value the API's name.
        for (const [part, keys] of [
          ['resource-type-filter', typeKey],
          ['action-filter', actionKey],
        ] as const) {
          const options = [
            ...log.shadowRoot!.querySelectorAll<HTMLOptionElement>(`[part~="${part}"] option`),
          ].filter((option) => option.value !== '');
          expect(options.length, part).to.be.greaterThan(1);
          for (const option of options)
            expect(clean(option.textContent), `${part} ${option.value}`).to.equal(
              said(option.value, keys.get(option.value)),
            );
        }
      } finally {
        page.remove();
      }
    });
  }
});
