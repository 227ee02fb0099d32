// What a host ships for the dashboard as a React 19 app (bytes only, not a benchmark page): React,
// react-dom/client, the view, its formatting and CSS, and fetching the six JSON answers.
import { createRoot } from 'react-dom/client';
import styles from '../out/styles.json';
import { reactBuilder } from './host/react.js';
import { dashboard, type Answers } from './host/view.js';

const KEYS = ['organization', 'workspaces', 'billing', 'plan', 'activity', 'announcements'];
const base = '/api/orgs/org_acme';
const data = Object.fromEntries(
  await Promise.all(KEYS.map(async (key) => [key, await (await fetch(`${base}/${key}`)).json()])),
);
createRoot(document.querySelector('#app')!).render(
  dashboard(reactBuilder, data as Answers, styles as Record<string, string[]>, Date.now()),
);
