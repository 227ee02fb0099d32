import { BillingCard } from '../elements/billing-card/billing-card.js';
import { defineElement } from './define-element.js';

defineElement('billing-card', BillingCard);

declare global {
  interface HTMLElementTagNameMap {
    'billing-card': BillingCard;
  }
}
