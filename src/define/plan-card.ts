import { PlanCard } from '../elements/plan-card/plan-card.js';
import { defineElement } from './define-element.js';

defineElement('plan-card', PlanCard);

declare global {
  interface HTMLElementTagNameMap {
    'plan-card': PlanCard;
  }
}
