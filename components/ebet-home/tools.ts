/** The toolkit's tools as the home page lists them. */
import { msg } from '../shared/locale.ts';

export interface ToolEntry {
  readonly id: string;
  readonly href: string;
  /** In the page's language (a getter on each entry, so it follows the locale). */
  readonly title: string;
  readonly summary: string;
}

export const TOOLS: readonly ToolEntry[] = [
  {
    id: 'calculator',
    href: 'tools/calculator/',
    get title() { return msg('MAC/KVV calculator and mismatch doctor'); },
    get summary() { return msg('See the exact string that is signed, its MAC and the key’s KVV — and why a MAC does not match.'); },
  },
  {
    id: 'test-page',
    href: 'tools/test-page/',
    get title() { return msg('Test page: form builder, validator, simulated bank'); },
    get summary() { return msg('Build or paste a shop form, see every field checked as on the bank’s test page, and simulate the bank’s answers.'); },
  },
  {
    id: 'decoder',
    href: 'tools/decoder/',
    get title() { return msg('Response decoder'); },
    get summary() { return msg('Paste what the bank sent back: receipts, payment checks, repayments — verified and explained.'); },
  },
  {
    id: 'incident',
    href: 'tools/incident/',
    get title() { return msg('Incident checklist'); },
    get summary() { return msg('When payments stop working: the provider’s incident process, step by step, with timers and a written report.'); },
  },
  {
    id: 'checkout',
    href: 'shop/index.html',
    get title() { return msg('<ebet-checkout> and an example shop'); },
    get summary() { return msg('One element and one script tag for a static shop, with a full test-mode round trip.'); },
  },
];
