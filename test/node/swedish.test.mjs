// The toolkit's Swedish keeps to docs/glossary.json: every Swedish string of src/, components/ and the
// XLIFF is read (scripts/swedish.mjs) and checked for the glossary's words not to use, "ni/er" where
// the reader is "du", straight quotes where Swedish takes ”…”, times as kl. 05.39, and markup that
// lit-localize would show escaped. The checker itself is shown to catch each kind of mistake.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkRepository, escapedInLocaleModule, glossaryMarkdown, problemsOf, rules, swedishInSource, swedishInXliff } from '../../scripts/swedish.mjs';

const glossary = JSON.parse(readFileSync(new URL('../../docs/glossary.json', import.meta.url), 'utf8'));
const checks = rules(glossary);
const problems = (sv) => problemsOf(sv, checks);

test('every Swedish string of the repository reads as the glossary says', () => {
  const { strings, problems: found } = checkRepository();
  assert.ok(strings.length > 800, `only ${strings.length} Swedish strings were found: the reader misses some`);
  assert.deepEqual(
    found.map((p) => `${p.file}:${p.line} ${p.problem} — ${p.sv}`),
    [],
  );
});

test('the glossary gives every term its Swedish, and every word to avoid its reason', () => {
  for (const term of glossary.terms) {
    assert.ok(term.en && term.sv, JSON.stringify(term));
    for (const a of term.avoid ?? []) assert.ok(a.text && a.why, `${term.sv}: ${JSON.stringify(a)}`);
  }
  // The handbook's words are the ones chosen (E-betalning Teknisk handbok 0702).
  const sv = Object.fromEntries(glossary.terms.map((t) => [t.en, t]));
  assert.equal(sv['payment id (NB_STAMP)'].sv, 'betalnings-ID');
  assert.equal(sv['double billing'].sv, 'dubbel fakturering');
  assert.equal(sv['key verification value (KVV)'].definite, 'KVV:n');
  assert.equal(sv.MAC.definite, 'MAC:en');
  assert.equal(sv['exchange rate (NB_RATE)'].sv, 'avropskurs');
});

test('docs/glossary.md is made from docs/glossary.json (node scripts/swedish.mjs --glossary)', () => {
  assert.equal(readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8'), glossaryMarkdown(glossary));
});

test('the checker catches each mistake the glossary names, and passes the right words', () => {
  const cases = [
    ['Meddelandena är kvitton för samma stämpel 00002', '”stämpel”'],
    ['det förhindrar dubbel debitering', '”dubbel debitering”'],
    ['Kvittoarbetaren kunde inte installeras', '”kvittoarbetare”'],
    ['Agera inte på det.', '”agera på”'],
    ['Förväntat KVV', '”ett KVV”'],
    ['KVV:et har 31 tecken', '”KVV:et”'],
    ['MAC stämmer inte', '”MAC (as the subject)”'],
    ['Maila supportadressen', '”maila, mejla, mail, mejl”'],
    ['Ingen ticket efter 10 minuter', '”ticket”'],
    ['Skicka en skriftlig supportbegäran', '”Supportbegäran”'],
    ['det har inledande blanksteg', '”blanksteg”'],
    ['Checklista vid driftstörning', '”driftstörning”'],
    ['Växelkursen ska skrivas som 8,91', '”växelkurs”'],
    ['NB_VERIFIED är ”x”; förväntade YES, NO, ERR', '”förväntade”'],
    ['Skriven information är överlägsen telefon', '”överlägsen”'],
    ['en POST-kropp', '”kropp”'],
    ['Bekräfta betalningen på er server innan ni levererar', 'du, never ni'],
    ['Kontoret öppnar kl. 08:00', 'Times with a full stop'],
    ['Felbeskrivning från banken: "Tekniskt fel"', 'straight quotes'],
  ];
  for (const [sv, expected] of cases) {
    const found = problems(sv);
    assert.ok(
      found.some((p) => p.startsWith(expected)),
      `${JSON.stringify(sv)} should be caught as ${expected}; found ${JSON.stringify(found)}`,
    );
  }
  const right = [
    'Meddelandena är kvitton för samma betalnings-ID 00002',
    'Bankens bekräftelse-ID för betalningen (en tidsstämpel)',
    'MAC:en stämmer inte; dess MAC stämmer med nyckeln',
    'Nyckeln stämmer med förväntad KVV; KVV:n har 32 tecken',
    'Berörda URL:er och ordernummer, eller NB_KVV',
    'Kontoret öppnar kl. 08.00',
    'Sätt mode="test", eller skicka JSON som {"NB_HMAC": "…"}; ”format” ska vara "ebet-ledger"',
    'Felbeskrivning från banken: ”Tekniskt fel”',
  ];
  for (const sv of right) assert.deepEqual(problems(sv), [], sv);
});

test('the reader finds the Swedish of text(), of local helpers with an `sv` parameter, of …Sv variables and of the XLIFF', () => {
  const source = [
    "const a = text('Paid', `Betalt ${x ? 'nu' : 'då'}`);",
    'const add = (en: string, sv: string) => lines.push(text(en, sv));',
    "add('Ticket', 'Ticket mottagen');",
    "const whereSv = line ? `, rad ${line}` : '';",
  ].join('\n');
  assert.deepEqual(
    swedishInSource('x.ts', source).map((s) => [s.line, s.sv]),
    [
      [1, 'Betalt nu‹›då'],
      [3, 'Ticket mottagen'],
      [4, ', rad ‹›‹›'],
    ],
  );
  const xliff = '<trans-unit id="a">\n  <source>x</source>\n  <target>&lt;ebet-checkout&gt; och <x id="0" equiv-text="${n}"/> &amp; ”x”</target>\n</trans-unit>';
  assert.deepEqual(
    swedishInXliff('sv.xlf', xliff).map((s) => [s.id, s.sv]),
    [['a', '<ebet-checkout> och ‹› & ”x”']],
  );
});

test('a plain Swedish message that lit-localize built with escaped markup is caught; an html template is not', () => {
  const module = [
    "'s1': `&lt;ebet-checkout&gt; och en exempelbutik`,",
    "'s2': `avgränsare &amp;`,",
    "'s3': html`Läs <code>NB_HMAC</code> &amp; NB_KVV`,",
    "'s4': `Elementet ebet-checkout och en exempelbutik`,",
  ].join('\n');
  assert.deepEqual(
    escapedInLocaleModule('sv.ts', module).map((p) => p.id),
    ['s1', 's2'],
  );
});
