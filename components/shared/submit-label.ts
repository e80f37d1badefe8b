import { msg } from './locale.ts';
import type { MessageKind } from '../../src/protocol/fields.ts';

/**
 * The submit button of a shop's form (`toHtmlForm`), in the page's language and for what the form
 * does: pay, check a payment or repay (send, when the kind is not known); `null` for the bank's
 * answers, which no buyer posts.
 */
export function submitLabel(kind: MessageKind | null): string | null {
  switch (kind) {
    case 'payDirect':
      return msg('Pay');
    case 'paymentCheck':
      return msg('Check the payment');
    case 'repayment':
      return msg('Repay');
    case null:
      return msg('Send');
    default:
      return null;
  }
}
