// The shared part plus <workspace-stats-card>: the difference from shared.js is the card's own cost.
import { setUpShared } from './shared.js';
import { WorkspaceStatsCard } from '../../dist/index.js';

// Kept so that the shared entry is bundled (it sets itself up once).
window.setUpShared = setUpShared;
customElements.define('workspace-stats-card', WorkspaceStatsCard);
