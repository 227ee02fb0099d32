/** `<activity-log>` in the shipped languages: its texts come from the catalogs, its box carries `lang` and `dir`. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import { activityLogStrings } from '../../src/strings/activity-log.js';
import { loadedCatalog, loadLocale } from '../../src/i18n/catalogs.js';
import { dataset, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

const entries: Activity[] = [
  {
    id: 'a1',
    resourceType: 'Workspaces',
    action: 'Create',
    occurredAt: '2026-11-20T10:00:00Z',
    actor: { name: 'Ada' },
  },
];

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';
const part = (log: ActivityLog, name: string) =>
  log.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<activity-log> translated', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  for (const [locale, dir] of [
    ['de-DE', 'ltr'],
    ['fr', 'ltr'],
    ['ja', 'ltr'],
    ['ar-EG', 'rtl'],
  ] as const) {
    it(`${locale}: every text from the catalog, lang and dir on its box, no English first`, async () => {
      await loadLocale(locale);
      const catalog = loadedCatalog(locale)!;
      const log = document.createElement('activity-log') as ActivityLog;
      log.locale = locale;
      log.data = entries;
      const seen: string[] = [];
      document.body.append(log);
      const observer = new MutationObserver(() => seen.push(log.shadowRoot?.textContent ?? ''));
      observer.observe(log.shadowRoot!, { subtree: true, childList: true, characterData: true });
      try {
        await until(() => log.state === 'ready' && part(log, 'entry') !== null, 'ready');
        expect(catalog.activityLogTitle, 'catalog has the title').to.be.a('string');
        expect(clean(part(log, 'title')?.textContent)).to.equal(catalog.activityLogTitle);
        expect(clean(part(log, 'export')?.textContent)).to.equal(catalog.activityLogExport);
        expect(part(log, 'search')!.getAttribute('placeholder')).to.equal(
          catalog.activityLogSearchPlaceholder,
        );
        expect(part(log, 'filters')!.getAttribute('aria-label')).to.equal(catalog.activityLogFilters);
        expect(clean(part(log, 'list')!.getAttribute('aria-label'))).to.equal(catalog.activityLogList);
        const box = part(log, 'card')!;
        expect(box.getAttribute('lang')).to.equal(locale);
        expect(box.getAttribute('dir')).to.equal(dir);
        expect(seen.join(' ')).not.to.contain(activityLogStrings.activityLogTitle);
        await expect(log).to.be.accessible();
      } finally {
        observer.disconnect();
        log.remove();
      }
    });
  }

  it('layers the texts: English, the catalog, the provider’s strings, its own', async () => {
    const data = dataset('o1');
    data.o1.activities = entries;
    const provider = await fixture(html`
      <org-dashboard-provider
        org-id="o1"
        locale="de"
        .adapter=${createMemoryAdapter(data)}
        .strings=${{ activityLogTitle: 'Verlauf', activityLogExport: 'Als CSV' }}
      >
        <activity-log></activity-log>
        <activity-log .strings=${{ activityLogTitle: 'Mein Verlauf' }}></activity-log>
      </org-dashboard-provider>
    `);
    const [shared, own] = [...provider.querySelectorAll<ActivityLog>('activity-log')];
    await until(() => shared.state === 'ready' && own.state === 'ready', 'both logs');
    await shared.updateComplete;
    await own.updateComplete;
    expect(clean(part(shared, 'title')?.textContent)).to.equal('Verlauf');
    expect(clean(part(own, 'title')?.textContent)).to.equal('Mein Verlauf');
    const german = loadedCatalog('de')!;
    for (const log of [shared, own]) {
      expect(clean(part(log, 'export')?.textContent)).to.equal('Als CSV');
      expect(part(log, 'search')!.getAttribute('placeholder')).to.equal(german.activityLogSearchPlaceholder);
    }
  });

  it('a locale without a catalog stays English, marked as such', async () => {
    const log = await fixture<ActivityLog>(
      html`<activity-log locale="sw-KE" .data=${entries}></activity-log>`,
    );
    await until(() => log.state === 'ready', 'ready');
    expect(clean(part(log, 'title')?.textContent)).to.equal(activityLogStrings.activityLogTitle);
    expect(part(log, 'card')!.getAttribute('lang')).to.equal('en');
    expect(part(log, 'card')!.getAttribute('dir')).to.equal('ltr');
  });

  it('a host’s dir wins over the locale’s', async () => {
    const wrapper = await fixture(
      html`<div dir="ltr"><activity-log locale="ar" .data=${entries}></activity-log></div>`,
    );
    const log = wrapper.querySelector<ActivityLog>('activity-log')!;
    await until(() => log.state === 'ready', 'ready');
    expect(part(log, 'card')!.getAttribute('dir')).to.equal('ltr');
    expect(part(log, 'card')!.getAttribute('lang')).to.equal('ar');
  });
});
