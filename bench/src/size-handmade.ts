// What a host ships for the dashboard written by hand with the plain DOM (bytes only, not a
// benchmark page): the view, its formatting and CSS, and fetching the six JSON answers.
import styles from '../out/styles.json';
import { domBuilder } from './host/dom.js';
import { dashboard, type Answers } from './host/view.js';

const KEYS = ['organization', 'workspaces', 'billing', 'plan', 'activity', 'announcements'];
const base = '/api/orgs/org_acme';
const data = Object.fromEntries(
  await Promise.all(KEYS.map(async (key) => [key, await (await fetch(`${base}/${key}`)).json()])),
);
document
  .querySelector('#app')!
  .append(dashboard(domBuilder, data as Answers, styles as Record<string, string[]>, Date.now()));
