// What README tells a Solid host to add once (any .d.ts its tsconfig includes).
import type {} from 'org-dashboard-elements/solid';
