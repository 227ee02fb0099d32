/**
 * The dashboard written by hand, as a careful host developer would, from the
 * adapter's JSON answers: the same elements, attributes, texts, shadow roots
 * and style sheets as the library's first render. Written once against a tiny
 * builder interface so the plain-DOM baseline and the React app render the
 * very same view with the very same formatting; each side supplies `el`, `svg`
 * and `host` (a custom element with an open shadow root and adopted sheets).
 */
import * as f from './format.js';
import { type Money } from './format.js';

export type Attrs = Record<string, string>;
export type Kid<N> = N | string | null | false | Kid<N>[];
export interface Builder<N> {
  el(tag: string, attrs: Attrs | null, ...kids: Kid<N>[]): N;
  svg(tag: string, attrs: Attrs | null, ...kids: Kid<N>[]): N;
  host(tag: string, attrs: Attrs, css: readonly string[], ...shadow: Kid<N>[]): N;
}

/** The answers, parsed: what `JSON.parse` gives for each of the adapter's responses. */
export interface Answers {
  organization: { id: string; name: string; owner: { name: string }; createdAt: string; teamSize: number };
  workspaces: {
    total: number;
    active: number;
    suspended: number;
    others: number;
    othersByState?: Record<string, number>;
  };
  billing: {
    currentMonthTotal: Money;
    lastMonthTotal: Money;
    nextInvoiceDate: string;
    history?: { month: string; total: Money }[];
    period?: { start: string; end: string };
    forecastTotal?: Money;
  };
  plan: {
    name: string;
    availableCredits: Money;
    lowCreditThreshold?: Money;
    usage?: { date: string; credits: Money }[];
  };
  activity: {
    items: {
      id: string;
      resourceType: string;
      action: string;
      occurredAt: string;
      actor?: { name: string };
      resourceName?: string;
    }[];
  };
  announcements: {
    id: string;
    kind: string;
    title: string;
    body: string;
    publishedAt: string;
    severity?: string;
    url?: string;
    window?: { start: string; end: string };
  }[];
}

const EXPORTED = 'card, header, title, body, value, action, message, retry, footer';
const DAY = 864e5;
const PATHS = {
  copy: 'M4 4V2.5A1.5 1.5 0 0 1 5.5 1h8A1.5 1.5 0 0 1 15 2.5v8a1.5 1.5 0 0 1-1.5 1.5H12v1.5a1.5 1.5 0 0 1-1.5 1.5h-8A1.5 1.5 0 0 1 1 13.5v-8A1.5 1.5 0 0 1 2.5 4H4Zm1.5-1.5V4h5A1.5 1.5 0 0 1 12 5.5v5h1.5v-8h-8Zm-3 3v8h8v-8h-8Z',
  chevron: 'M3.2 5.7a1 1 0 0 1 1.4 0L8 9.1l3.4-3.4a1 1 0 1 1 1.4 1.4L8 11.9 3.2 7.1a1 1 0 0 1 0-1.4Z',
  up: 'M8 2.5 13 7.5l-1.1 1.1-3.1-3.1V13.5H7.2V5.5L4.1 8.6 3 7.5 8 2.5Z',
  plus: 'M7 2h2v5h5v2H9v5H7V9H2V7h5z',
  dismiss: 'M3.5 3.5l9 9m0-9l-9 9',
};
const ICONS: Record<string, [string, string, string]> = {
  warning: ['M8 1.2 15.3 14H.7L8 1.2Z', '1.6', 'M8 6v3.5M8 11.75v.01'],
  critical: ['M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1L5.1 1Z', '1.75', 'M8 4.5v4M8 11.25v.01'],
};
const KINDS: Record<string, string> = {
  feature: 'New feature',
  release: 'Release',
  maintenance: 'Maintenance',
  update: 'Update',
};
const STATES: Record<string, string> = { creating: 'Creating', deploying: 'Deploying', failed: 'Failed' };
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export function dashboard<N>(b: Builder<N>, data: Answers, css: Record<string, string[]>, now: number): N {
  const { el, svg } = b;
  const status = () => el('div', { class: 'visually-hidden', role: 'status' });
  const card = (
    tag: string,
    part: string,
    title: string,
    body: Kid<N>[],
    opts: { header?: Kid<N>[]; extra?: Kid<N>[] } = {},
  ) =>
    b.host(
      tag,
      // The dashboard sets heading level and limit as properties: no attributes on the hosts.
      { part, exportparts: EXPORTED },
      css[tag],
      el(
        'section',
        { part: 'card', 'aria-labelledby': 'title', lang: 'en-US', dir: 'ltr', 'aria-busy': 'false' },
        el(
          'div',
          { part: 'header' },
          el(
            'div',
            { part: 'title', id: 'title', role: 'heading', 'aria-level': '2' },
            el('slot', { name: 'heading' }, title),
          ),
          opts.header ?? null,
          el('slot', { name: 'header-actions' }),
        ),
        el('div', { part: 'body' }, ...body),
        status(),
      ),
      opts.extra ?? null,
    );
  const icon = (d: string, size = '14', extra: Attrs = { fill: 'currentColor' }) =>
    svg(
      'svg',
      { 'aria-hidden': 'true', width: size, height: size, viewBox: '0 0 16 16', ...extra },
      svg('path', { d }),
    );
  const row = (term: Kid<N>, ...value: Kid<N>[]) =>
    el('div', { class: 'row' }, el('dt', null, term), ...value);
  const when = (iso: string, i: number, prefix = '') =>
    el(
      'span',
      { class: 'when ' },
      el(
        'time',
        { part: 'time', tabindex: '0', datetime: iso, 'aria-describedby': `exact-time-${i}` },
        f.relative(iso, now),
      ),
      el('span', { part: 'tooltip', id: `exact-time-${i}`, 'aria-hidden': 'true' }, prefix + f.exact(iso)),
    );

  // Organization.
  const org = data.organization;
  const orgCard = card('org-info-card', 'org-info', 'Organization', [
    el('p', { part: 'value name', class: 'name' }, org.name),
    el(
      'dl',
      null,
      row(
        'Organization ID',
        el(
          'dd',
          null,
          el('code', { part: 'value id', class: 'id' }, org.id),
          el(
            'button',
            { part: 'action copy', type: 'button', 'aria-label': `Copy organization ID ${org.id}` },
            icon(PATHS.copy),
          ),
        ),
      ),
      row('Owner', el('dd', { part: 'value owner' }, org.owner.name)),
      row(
        'Created',
        el(
          'dd',
          { part: 'value created' },
          el('time', { datetime: new Date(org.createdAt).toISOString() }, f.dateTime(org.createdAt)),
        ),
      ),
      row('Team size', el('dd', { part: 'value team-size' }, `${f.count(org.teamSize)} members`)),
    ),
    el('span', { class: 'visually-hidden', role: 'status' }),
  ]);

  // Workspaces.
  const ws = data.workspaces;
  const states = ['active', 'suspended', 'others'] as const;
  const descriptions = {
    active: 'Deployed and running',
    suspended: 'Paused',
    others: 'Newly created, deploying or requiring attention',
  };
  let x = 0;
  const segments = states.map((s) => {
    const width = (ws[s] / ws.total) * 100;
    const segment = svg('rect', {
      y: '0',
      height: '100%',
      class: `segment ${s}`,
      x: f.pct(x),
      width: f.pct(width),
    });
    x += width;
    return segment;
  });
  const wsCard = card('workspace-stats-card', 'workspaces', 'Workspaces', [
    el(
      'p',
      { class: 'total' },
      el('span', { class: 'caption' }, 'Total across all states'),
      el('span', { part: 'value total', class: 'big' }, f.count(ws.total)),
    ),
    svg(
      'svg',
      {
        part: 'chart',
        class: 'bar',
        role: 'img',
        width: '100%',
        height: '12',
        'aria-label': `Workspaces by state: ${f.count(ws.active)} active, ${f.count(ws.suspended)} suspended, ${f.count(ws.others)} others, of ${f.count(ws.total)} in total`,
      },
      svg('rect', { class: 'track', x: '0', y: '0', width: '100%', height: '100%' }),
      segments,
    ),
    el(
      'dl',
      { part: 'legend', class: 'legend' },
      states.map((s) =>
        el(
          'div',
          { class: 'row' },
          el('dt', null, el('span', { 'aria-hidden': 'true', class: `swatch ${s}` }), cap(s)),
          el(
            'dd',
            { class: 'numbers' },
            el('span', { class: 'count', part: `value ${s}` }, f.count(ws[s])),
            el('span', { part: 'share', class: 'share' }, f.share(ws[s] / ws.total)),
            s === 'others' && ws.othersByState
              ? el(
                  'button',
                  {
                    part: 'action toggle',
                    type: 'button',
                    'aria-controls': 'others-by-state',
                    'aria-expanded': 'false',
                  },
                  'By state',
                  svg(
                    'svg',
                    {
                      class: 'chevron',
                      'aria-hidden': 'true',
                      width: '12',
                      height: '12',
                      viewBox: '0 0 16 16',
                      fill: 'currentColor',
                    },
                    svg('path', { d: PATHS.chevron }),
                  ),
                )
              : null,
          ),
          el('dd', { class: 'description' }, descriptions[s]),
        ),
      ),
    ),
    ws.othersByState
      ? el(
          'ul',
          { part: 'others-by-state', id: 'others-by-state', 'aria-label': 'Others by state', hidden: '' },
          Object.entries(ws.othersByState).map(([state, n]) =>
            el(
              'li',
              null,
              el('span', { class: 'state-name' }, STATES[state] ?? cap(state)),
              el('span', { class: 'count' }, f.count(n)),
            ),
          ),
        )
      : null,
  ]);

  // Billing.
  const bill = data.billing;
  const history = bill.history ?? [];
  const totals = history.map((h) => h.total.amountMinor);
  const [low, high] = [Math.min(...totals), Math.max(...totals)];
  const points = totals.map(
    (t, i) =>
      `${(4 + (i * 112) / (totals.length - 1)).toFixed(2)},${(4 + ((high - t) / (high - low || 1)) * 32).toFixed(2)}`,
  );
  const month = (m: string) => f.monthYear(`${m}-01T00:00:00Z`);
  const lowAt = history[totals.indexOf(low)];
  const highAt = history[totals.indexOf(high)];
  const projected: Money = bill.forecastTotal ?? bill.currentMonthTotal;
  const change = Math.round((projected.amountMinor / bill.lastMonthTotal.amountMinor - 1) * 100);
  const billCard = card('billing-card', 'billing', 'Billing', [
    el(
      'div',
      { class: 'top', style: 'container-type: inline-size;' },
      el(
        'p',
        { class: 'current' },
        el('span', { class: 'caption' }, 'This month'),
        el('span', { part: 'value current-month', class: 'big' }, f.money(bill.currentMonthTotal)),
      ),
      el(
        'figure',
        { part: 'history', class: 'history' },
        svg(
          'svg',
          {
            part: 'chart',
            class: 'spark',
            role: 'img',
            width: '100%',
            preserveAspectRatio: 'none',
            'aria-label': `Spending from ${month(history[0].month)} to ${month(history.at(-1)!.month)}: lowest ${f.money(lowAt.total)} in ${month(lowAt.month)}, highest ${f.money(highAt.total)} in ${month(highAt.month)}`,
            height: '40',
            viewBox: '0 0 120 40',
          },
          svg('path', {
            class: 'area',
            d: `M${points[0].split(',')[0]},40 L${points.join(' L')} L${points.at(-1)!.split(',')[0]},40 Z`,
          }),
          svg('polyline', { class: 'line', 'vector-effect': 'non-scaling-stroke', points: points.join(' ') }),
          svg('path', { class: 'dot', 'vector-effect': 'non-scaling-stroke', d: `M${points.at(-1)}h0` }),
        ),
        el(
          'div',
          { class: 'range', 'aria-hidden': 'true' },
          el('span', null, month(history[0].month)),
          el('span', null, month(history.at(-1)!.month)),
        ),
        el(
          'div',
          { class: 'visually-hidden' },
          el(
            'table',
            null,
            el('caption', null, 'Spending by month'),
            el(
              'thead',
              null,
              el('tr', null, el('th', { scope: 'col' }, 'Month'), el('th', { scope: 'col' }, 'Total')),
            ),
            el(
              'tbody',
              null,
              history.map((h) =>
                el('tr', null, el('th', { scope: 'row' }, month(h.month)), el('td', null, f.money(h.total))),
              ),
            ),
          ),
        ),
      ),
    ),
    el(
      'p',
      { class: 'projection', part: 'projection projection-forecast' },
      `On track for ${f.money(projected)} by ${f.monthDay(`${bill.period?.end ?? bill.nextInvoiceDate}T00:00:00Z`)}`,
    ),
    el(
      'p',
      { part: 'trend trend-up', class: 'trend up' },
      icon(PATHS.up, '16'),
      el('span', null, `On track for ${change}% more than last month`),
    ),
    el(
      'dl',
      { class: 'details' },
      row('Last month', el('dd', { part: 'value last-month' }, f.money(bill.lastMonthTotal))),
      row(
        'Next invoice',
        el(
          'dd',
          { part: 'value next-invoice' },
          el('time', { datetime: bill.nextInvoiceDate }, f.date(`${bill.nextInvoiceDate}T00:00:00Z`)),
        ),
      ),
    ),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', part: 'action view-invoices' }, 'View past invoices'),
    ),
  ]);

  // Plan and credits.
  const plan = data.plan;
  const usage = (plan.usage ?? []).slice(-30);
  const recent = usage.slice(-7);
  const days =
    (plan.availableCredits.amountMinor * recent.length) /
    recent.reduce((s, u) => s + u.credits.amountMinor, 0);
  const runOut = new Date(Math.floor(now / DAY) * DAY + Math.floor(days) * DAY).toISOString().slice(0, 10);
  const most = usage.reduce((a, u) => (u.credits.amountMinor > a.credits.amountMinor ? u : a), usage[0]);
  const used = usage.reduce((s, u) => s + u.credits.amountMinor, 0);
  const slot = 100 / usage.length;
  const day = (iso: string) => f.date(`${iso}T00:00:00Z`);
  const planCard = card(
    'plan-card',
    'plan',
    'Plan and credits',
    [
      el(
        'dl',
        null,
        row('Plan', el('dd', null, el('span', { part: 'value plan-name', class: 'plan-name' }, plan.name))),
        row(
          'Available credits',
          el(
            'dd',
            null,
            el('span', { part: 'value credits', class: 'credits' }, f.money(plan.availableCredits)),
            el(
              'button',
              {
                type: 'button',
                'aria-haspopup': 'dialog',
                part: 'action add-credits',
                'aria-label': 'Add credits',
              },
              icon(PATHS.plus),
            ),
          ),
        ),
        plan.lowCreditThreshold
          ? row(
              'Low-credit alert',
              el(
                'dd',
                null,
                el('span', { part: 'value alert' }, f.money(plan.lowCreditThreshold)),
                el(
                  'button',
                  {
                    part: 'action alert-change',
                    type: 'button',
                    'aria-controls': 'alert-form',
                    'aria-label': 'Change the low-credit alert',
                    'aria-expanded': 'false',
                  },
                  'Change',
                ),
              ),
            )
          : null,
      ),
      el(
        'p',
        { part: 'runway', class: 'runway' },
        el('span', { class: 'runway-days' }, `About ${Math.floor(days)} days left`),
        el(
          'span',
          { part: 'run-out', class: 'run-out' },
          'Runs out around ',
          el('time', { datetime: runOut }, day(runOut)),
        ),
      ),
      el(
        'figure',
        { part: 'usage', class: 'usage' },
        el('figcaption', { class: 'usage-title' }, 'Credits used per day'),
        svg(
          'svg',
          {
            part: 'chart',
            class: 'usage-chart',
            role: 'group',
            width: '100%',
            height: '48',
            'aria-label': `${f.money({ amountMinor: used, currency: plan.availableCredits.currency })} used over the last ${usage.length} days; the most on ${day(most.date)}: ${f.money(most.credits)}.`,
          },
          svg('rect', { class: 'baseline', x: '0%', y: '94%', width: '100%', height: '6%' }),
          usage.map((u, i) => {
            const h = (u.credits.amountMinor / most.credits.amountMinor) * 94;
            return svg(
              'g',
              {
                class: 'day',
                role: 'img',
                'aria-label': `${day(u.date)}: ${f.money(u.credits)}`,
                'data-date': u.date,
                tabindex: i === usage.length - 1 ? '0' : '-1',
              },
              svg('rect', { class: 'slot', y: '0', height: '100%', x: f.pct(i * slot), width: f.pct(slot) }),
              svg('rect', {
                class: 'bar',
                x: f.pct(i * slot + 0.5),
                y: f.pct(94 - h),
                width: f.pct(slot - 1),
                height: f.pct(h),
              }),
            );
          }),
        ),
        el(
          'div',
          { class: 'range', 'aria-hidden': 'true' },
          el('span', null, f.monthDay(`${usage[0].date}T00:00:00Z`)),
          el('span', null, f.monthDay(`${usage.at(-1)!.date}T00:00:00Z`)),
        ),
        el(
          'p',
          { part: 'chart-value', class: 'chart-value', 'aria-hidden': 'true' },
          `${day(usage.at(-1)!.date)}: ${f.money(usage.at(-1)!.credits)}`,
        ),
      ),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'button', part: 'action manage-subscription' }, 'Manage subscription'),
      ),
    ],
    // No purchase dialog: the library loads it on the first press of (+), so neither view has one.
  );

  // Recent activity: the newest five.
  const entries = [...data.activity.items]
    .sort((a, z) => Date.parse(z.occurredAt) - Date.parse(a.occurredAt))
    .slice(0, 5);
  const feedCard = card('activity-feed', 'activity', 'Recent activity', [
    el(
      'ol',
      { part: 'list' },
      entries.map((a, i) =>
        el(
          'li',
          { part: 'entry', class: 'entry', 'data-id': a.id },
          el(
            'p',
            { class: 'summary' },
            el('bdi', { part: 'resource-type' }, a.resourceType),
            ' · ',
            el('bdi', { part: 'activity-action' }, a.action),
            a.resourceName ? [' — ', el('bdi', { part: 'resource-name' }, a.resourceName)] : null,
          ),
          el(
            'p',
            { class: 'meta' },
            when(a.occurredAt, i),
            el('span', { 'aria-hidden': 'true' }, ' · '),
            a.actor ? el('span', null, 'by ', el('bdi', { part: 'actor' }, a.actor.name)) : null,
          ),
        ),
      ),
    ),
    el('div', { class: 'more' }, el('button', { type: 'button', part: 'action show-more' }, 'Show more')),
  ]);

  // Announcements: newest first; new = published after the stored read mark, else within 14 days.
  const mark = Date.parse(localStorage.getItem(`od-bench-read:${org.id}`) ?? '') || now - 14 * DAY;
  const items = [...data.announcements].sort((a, z) => Date.parse(z.publishedAt) - Date.parse(a.publishedAt));
  const fresh = items.filter((a) => Date.parse(a.publishedAt) > mark).length;
  const annCard = card(
    'announcements-panel',
    'announcements',
    'Announcements',
    [
      el(
        'ul',
        { part: 'list', class: 'list' },
        items.map((a, i) => {
          const isNew = Date.parse(a.publishedAt) > mark;
          const severity = a.severity ?? 'none';
          const external = a.url?.startsWith('https:');
          return el(
            'li',
            {
              part: `item${isNew ? ' unread' : ''}${severity === 'critical' ? ' critical' : ''}`,
              class: `item severity-${severity} `,
              'data-id': a.id,
            },
            el(
              'div',
              { class: 'head' },
              ICONS[severity]
                ? svg(
                    'svg',
                    {
                      class: `icon icon-${severity}`,
                      'aria-hidden': 'true',
                      width: '16',
                      height: '16',
                      viewBox: '0 0 16 16',
                    },
                    svg('path', { fill: 'currentColor', d: ICONS[severity][0] }),
                    svg('path', {
                      stroke: '#fff',
                      'stroke-width': ICONS[severity][1],
                      'stroke-linecap': 'round',
                      d: ICONS[severity][2],
                    }),
                  )
                : null,
              el(
                'div',
                { part: 'item-title', class: 'item-title', role: 'heading', dir: 'auto', 'aria-level': '3' },
                a.title,
                isNew ? el('span', { part: 'badge new', class: 'badge new' }, 'New') : null,
              ),
              el(
                'button',
                {
                  type: 'button',
                  part: 'action dismiss',
                  class: 'dismiss',
                  'aria-label': `Dismiss: ${a.title}`,
                },
                svg(
                  'svg',
                  {
                    'aria-hidden': 'true',
                    width: '14',
                    height: '14',
                    viewBox: '0 0 16 16',
                    fill: 'none',
                    stroke: 'currentColor',
                  },
                  svg('path', { d: PATHS.dismiss, 'stroke-width': '1.75', 'stroke-linecap': 'round' }),
                ),
              ),
            ),
            el(
              'div',
              { class: 'meta' },
              el('span', { part: 'badge kind', class: 'badge kind' }, KINDS[a.kind] ?? a.kind),
              a.severity
                ? el(
                    'span',
                    { part: 'badge severity', class: `badge severity severity-${severity}` },
                    cap(severity),
                  )
                : null,
              when(a.publishedAt, i, 'Published '),
            ),
            el('p', { part: 'value item-body', class: 'text', dir: 'auto' }, a.body),
            a.window && Date.parse(a.window.end) < now
              ? el(
                  'p',
                  { part: 'value window', class: 'window window-ended' },
                  el('span', { class: 'label' }, 'Maintenance window'),
                  el(
                    'time',
                    { class: 'window-text', datetime: new Date(a.window.start).toISOString() },
                    `Completed (${f.range(a.window.start, a.window.end)})`,
                  ),
                )
              : null,
            a.url
              ? el(
                  'div',
                  { class: 'actions' },
                  el(
                    'a',
                    {
                      part: 'learn-more',
                      class: 'learn-more',
                      href: a.url,
                      ...(external ? { rel: 'noopener noreferrer' } : {}),
                      'aria-label': `Learn more: ${a.title}`,
                    },
                    'Learn more',
                  ),
                )
              : null,
          );
        }),
      ),
    ],
    {
      // As the panel: the count and "Mark all as read" only while some are new (the fixtures' dates are
      // fixed and the clock is not, so from 14 days after them none are).
      header: [
        ...(fresh > 0
          ? [
              el('span', { part: 'new-count', class: 'badge new-count' }, `${fresh} new`),
              el(
                'button',
                { part: 'action mark-read', class: 'mark-read', type: 'button' },
                'Mark all as read',
              ),
            ]
          : []),
        el('span', { class: 'visually-hidden', role: 'status' }),
      ],
    },
  );

  return b.host(
    'org-dashboard',
    { 'org-id': org.id, locale: 'en-US', 'time-zone': 'UTC' },
    css['org-dashboard'],
    el('div', { part: 'grid' }, orgCard, wsCard, billCard, planCard, feedCard, annCard),
  );
}
