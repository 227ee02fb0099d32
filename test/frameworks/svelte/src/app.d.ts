// What README tells a Svelte host to add once: svelte-check then types the package's tags.
import type {} from 'org-dashboard-elements/svelte'
