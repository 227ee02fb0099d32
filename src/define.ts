/** Registers every element under its default tag name. The only entry with side effects besides `define/*`. */
import './define/org-dashboard-provider.js';
import './define/org-info-card.js';
import './define/workspace-stats-card.js';
import './define/billing-card.js';
import './define/plan-card.js';
import './define/activity-feed.js';
import './define/activity-log.js';
import './define/announcements-panel.js';
import './define/org-dashboard.js';
