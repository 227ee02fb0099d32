import { OrgInfoCard } from '../elements/org-info-card/org-info-card.js';
import { defineElement } from './define-element.js';

defineElement('org-info-card', OrgInfoCard);

declare global {
  interface HTMLElementTagNameMap {
    'org-info-card': OrgInfoCard;
  }
}
