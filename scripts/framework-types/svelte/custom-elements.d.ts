// What README tells a Svelte host to add once (any .d.ts its tsconfig includes, such as src/app.d.ts).
import type {} from 'org-dashboard-elements/svelte';
