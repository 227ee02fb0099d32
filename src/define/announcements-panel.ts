import { AnnouncementsPanel } from '../elements/announcements-panel/announcements-panel.js';
import { defineElement } from './define-element.js';

defineElement('announcements-panel', AnnouncementsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'announcements-panel': AnnouncementsPanel;
  }
}
