import { ActivityLog } from '../elements/activity-log/activity-log.js';
import { defineElement } from './define-element.js';

defineElement('activity-log', ActivityLog);

declare global {
  interface HTMLElementTagNameMap {
    'activity-log': ActivityLog;
  }
}
