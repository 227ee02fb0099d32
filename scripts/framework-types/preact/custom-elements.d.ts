// What README tells a Preact host to add once (any .d.ts its tsconfig includes).
import type {} from 'org-dashboard-elements/preact';
