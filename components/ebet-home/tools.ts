/** The toolkit's tools as the home page lists them. */
import { msg } from '../shared/locale.ts';

export interface ToolEntry {
  readonly id: string;
  readonly href: string;
  /** In the page's language (a getter on each entry, so it follows the locale). */
  readonly title: string;
  /** The question the tool answers, as a support person asks it. */
  readonly question: string;
  readonly summary: string;
}

/** The other ways in that the home page shows: the session view, the bookmarklet, the docs, the npm package. */
export interface WayIn {
  readonly id: string;
  readonly href: string;
  readonly title: string;
  readonly summary: string;
  /** Its docs page, when `href` is not one. */
  readonly docs?: string;
}

export const TOOLS: readonly ToolEntry[] = [
  {
    id: 'calculator',
    href: 'tools/calculator/',
    get title() { return msg('MAC/KVV calculator and mismatch doctor'); },
    get question() { return msg('Why does this MAC not match?'); },
    get summary() { return msg('See the exact string that is signed, its MAC and the key’s KVV — and why a MAC does not match.'); },
  },
  {
    id: 'test-page',
    href: 'tools/test-page/',
    get title() { return msg('Test page: form builder, validator, simulated bank'); },
    get question() { return msg('Would the bank accept this shop’s form?'); },
    get summary() { return msg('Build or paste a shop form, see every field checked as on the bank’s test page, and simulate the bank’s answers.'); },
  },
  {
    id: 'decoder',
    href: 'tools/decoder/',
    get title() { return msg('Response decoder'); },
    get question() { return msg('What did the bank answer, and can I trust it?'); },
    get summary() { return msg('Paste what the bank sent back: receipts, payment checks, repayments — verified and explained.'); },
  },
  {
    id: 'incident',
    href: 'tools/incident/',
    get title() { return msg('Incident checklist'); },
    get question() { return msg('Payments have stopped: what do I do now?'); },
    get summary() { return msg('When payments stop working: the provider’s incident process, step by step, with timers and a written report.'); },
  },
  {
    id: 'checkout',
    href: 'shop/index.html',
    get title() { return msg('<ebet-checkout> and an example shop'); },
    get question() { return msg('How does a static shop take payments?'); },
    get summary() { return msg('One element and one script tag for a static shop, with a full test-mode round trip.'); },
  },
];

export const WAYS_IN: readonly WayIn[] = [
  {
    id: 'session',
    href: 'tools/decoder/',
    docs: 'docs/session.html',
    get title() { return msg('Session view for HAR files and shop logs'); },
    get summary() { return msg('Open a browser’s network export or a shop’s log in the response decoder: every message verified, a timeline per payment id.'); },
  },
  {
    id: 'bookmarklet',
    href: 'tools/test-page/',
    docs: 'docs/bookmarklet.html',
    get title() { return msg('Bookmarklet for a shop’s own checkout page'); },
    get summary() { return msg('Drag it from the test page to your bookmarks, then check a form where it lives, without copying fields.'); },
  },
  {
    id: 'docs',
    href: 'docs/',
    get title() { return msg('Documentation'); },
    get summary() { return msg('By task: debug a MAC, check a shop’s form, read a HAR file, embed the checkout, sign on a server, handle an incident.'); },
  },
  {
    id: 'package',
    href: 'https://www.npmjs.com/package/ebet-toolkit',
    docs: 'docs/package.html',
    get title() { return msg('The npm package ebet-toolkit'); },
    get summary() { return msg('The protocol core for your server (sign, verify, check a receipt) and the elements for your own pages.'); },
  },
];
