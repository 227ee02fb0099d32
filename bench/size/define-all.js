// Every tag at once (`import 'org-dashboard-elements/define'`) with the REST adapter: <activity-log>
// and its filters come along, though its virtualizer still loads when the log shows.
import '../../dist/define.js';
import { createRestAdapter } from '../../dist/index.js';

document.querySelector('org-dashboard').adapter = createRestAdapter({ baseUrl: '/api' });
