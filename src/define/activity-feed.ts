import { ActivityFeed } from '../elements/activity-feed/activity-feed.js';
import { defineElement } from './define-element.js';

defineElement('activity-feed', ActivityFeed);

declare global {
  interface HTMLElementTagNameMap {
    'activity-feed': ActivityFeed;
  }
}
