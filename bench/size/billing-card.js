// The shared part plus <billing-card>: the difference from shared.js is the card's own cost.
import { setUpShared } from './shared.js';
import { BillingCard } from '../../dist/index.js';

// Kept so that the shared entry is bundled (it sets itself up once).
window.setUpShared = setUpShared;
customElements.define('billing-card', BillingCard);
