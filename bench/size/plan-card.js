// The shared part plus <plan-card> as README's Use section registers it: the difference from shared.js
// is the card's own cost.
import { setUpShared } from './shared.js';
import '../../dist/define/plan-card.js';

// Kept so that the shared entry is bundled (it sets itself up once).
window.setUpShared = setUpShared;
