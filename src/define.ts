/** Registers every element under its default tag name. The only entry with side effects besides `define/*`. */
import './define/org-dashboard-provider.js';
import './define/org-info-card.js';
