import { WorkspaceStatsCard } from '../elements/workspace-stats-card/workspace-stats-card.js';
import { defineElement } from './define-element.js';

defineElement('workspace-stats-card', WorkspaceStatsCard);

declare global {
  interface HTMLElementTagNameMap {
    'workspace-stats-card': WorkspaceStatsCard;
  }
}
