// What a host ships for <org-dashboard> with the REST adapter, written as README's Use section does.
import '../../dist/define/org-dashboard.js';
import { createRestAdapter } from '../../dist/index.js';

document.querySelector('org-dashboard').adapter = createRestAdapter({ baseUrl: '/api' });
