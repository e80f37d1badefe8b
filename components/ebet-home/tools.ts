/** The toolkit's tools as the home page lists them. A tool still being built says "coming", honestly. */
import { text, type Text } from '../../src/text.ts';

export interface ToolEntry {
  readonly id: string;
  readonly href: string;
  readonly title: Text;
  readonly summary: Text;
  readonly status: 'ready' | 'coming';
}

export const TOOLS: readonly ToolEntry[] = [
  {
    id: 'calculator',
    href: 'tools/calculator/',
    title: text('MAC/KVV calculator and mismatch doctor', 'MAC/KVV-kalkylator och felsökare'),
    summary: text(
      'See the exact string that is signed, its MAC and the key’s KVV — and why a MAC does not match.',
      'Se exakt vilken sträng som signeras, dess MAC och nyckelns KVV — och varför en MAC inte stämmer.',
    ),
    status: 'ready',
  },
  {
    id: 'test-page',
    href: 'tools/test-page/',
    title: text('Test page: form builder, validator, simulated bank', 'Testsida: formulärbyggare, validering, simulerad bank'),
    summary: text(
      'Build or paste a shop form, see every field checked as on the bank’s test page, and simulate the bank’s answers.',
      'Bygg eller klistra in ett butiksformulär, se varje fält kontrolleras som på bankens testsida och simulera bankens svar.',
    ),
    status: 'ready',
  },
  {
    id: 'decoder',
    href: 'tools/decoder/',
    title: text('Response decoder', 'Svarsavkodare'),
    summary: text(
      'Paste what the bank sent back: receipts, payment checks, repayments — verified and explained.',
      'Klistra in vad banken skickade tillbaka: kvitton, betalningskontroller, återbetalningar — verifierade och förklarade.',
    ),
    status: 'ready',
  },
  {
    id: 'incident',
    href: 'tools/incident/',
    title: text('Incident checklist', 'Checklista vid driftstörning'),
    summary: text(
      'When payments stop working: the provider’s incident process, step by step, with timers and a written report.',
      'När betalningar slutar fungera: leverantörens incidentprocess steg för steg, med timer och skriftlig rapport.',
    ),
    status: 'ready',
  },
  {
    id: 'checkout',
    href: 'shop/index.html',
    title: text('<ebet-checkout> and an example shop', '<ebet-checkout> och en exempelbutik'),
    summary: text(
      'One element and one script tag for a static shop, with a full test-mode round trip.',
      'Ett element och en script-tagg för en statisk butik, med ett helt varv i testläge.',
    ),
    status: 'ready',
  },
];
