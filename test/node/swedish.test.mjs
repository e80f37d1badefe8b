// The toolkit's Swedish keeps to docs/glossary.json: every Swedish string of src/, components/, the
// XLIFF, the static pages and the docs pages is read (scripts/swedish.mjs) and checked for the
// glossary's words not to use, the phrasings a native review flagged, "ni/er" where the reader is
// "du", straight quotes where Swedish takes ”…” (also those a helper inserts), times as kl. 05.39,
// markup that lit-localize would show escaped, and Swedish marked lang="en". The checker itself is
// shown to catch each kind of mistake.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkRepository, escapedInLocaleModule, glossaryMarkdown, problemsOf, quotesInTemplates, readsAsSwedish, rules, swedishInHtml, swedishInSource, swedishInXliff } from '../../scripts/swedish.mjs';

const glossary = JSON.parse(readFileSync(new URL('../../docs/glossary.json', import.meta.url), 'utf8'));
const checks = rules(glossary);
const problems = (sv) => problemsOf(sv, checks);

test('every Swedish string of the repository reads as the glossary says', () => {
  const { strings, problems: found } = checkRepository();
  assert.ok(strings.length > 800, `only ${strings.length} Swedish strings were found: the reader misses some`);
  // Where Swedish lives beyond the string tables: the bank pages, the shop's titles, the docs pages.
  for (const file of ['public/tools/test-page/bank/pay/index.html', 'public/shop/return.html', 'docs/svenska.html', 'docs/index.html']) {
    assert.ok(strings.some((s) => s.file === file), `no Swedish read in ${file}`);
  }
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
    ['Om banken godtar en avgränsare i en begäran är okänt', '”begäran”'],
    ['En butiksplattforms manual säger åt handlare att prova 0001', '”handlare”'],
    ['Inte verifierat; felsökningen letar efter orsaken.', '”felsökningen (as the tool)”'],
    ['Utan workern svarar en statisk webbplats', '”worker, workern (alone)”'],
    ['Butikens egen worker tar emot bankens kvitto', '”worker, workern (alone)”'],
    ['Ett annat värde: leverera inte på det.', '”leverera på”'],
    ['Ingen nyckel angiven ovan: MAC kontrolleras inte.', '”MAC (as the subject)”'],
    ['Kontoret öppnar 08:00', 'Times with a full stop'],
    ['Upptäckt / öppnad: 2026-12-07 04:26', 'Times with a full stop'],
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
    'En förfrågan som du har begärt; säljföretaget levererar ordern',
    'Service workern är inte installerad; simulatorns service worker; receipt-worker="ebet-receipt-sw.js"',
    'Upptäckt / öppnad: 2026-12-07 04.26; ska vara en tid i formen ”TT:MM”, t.ex. ”08:00”',
    'MAC:en stämmer inte; en förklaring hittades, och den ger exakt samma MAC.',
  ];
  for (const sv of right) assert.deepEqual(problems(sv), [], sv);
});

test('the checker catches each phrasing the native review flagged (docs/glossary.json ”phrasings”), as the review quoted it', () => {
  // The review's "Now" column (../shared/review-sv.md, sections 3 and 4), one sentence each.
  const flagged = [
    'MAC:en verifieras inte; en förklaring hittades',
    'Banken signerade NB_DB_AMOUNT som ”899.00”; meddelandet som du har det innehåller ”899,00”',
    'din sida (loggen, tolkningen eller en kopia) gjorde om ”899.00” till ”899,00”',
    'Banken skriver versaler, så din sida (logg, tolkning) ändrade det',
    'Svaret gäller inte den här ordern: leverera inte på det.',
    'ERR har avsiktligt ingen MAC — behandla betalningen som okänd och kontrollera igen senare.',
    'NB_STAMP har en tabb på position 5; ta bort det',
    'Nyckeln användes som text, sina 32 tecken (gemener), i stället för de 16 byte',
    'Kontoret är stängt (ca mån–fre 08.00–17.00; klockan är 04.24 en måndag i Europe/Stockholm)',
    'Webbläsaren låter inte sidan spara data: checklistan fungerar men överlever inte en omladdning.',
    'ska vara "SE" (Sveriges helgdagar stänger kontoret)',
    'Leverantörens process lämnar det här steget ”TBD” (bestäms senare).',
    'avläst från given MAC: base64 eller base64url av HMAC (avkortad eller hel)',
    'NB_HMAC har 32 (eller 64 om hela HMAC skickades av misstag)',
    'Okänt: handboken säger inget, och inget annat offentligt heller.',
    'En varning som förklarar båda läsningarna, inte ett fel.',
    'NB_KVV saknas; handboken gör det obligatoriskt i varje signerat meddelande',
    'NB_HMAC stämmer inte: med nyckeln är MAC:en för ”x” 00, meddelandet säger 11',
    'Vad som kontrollerats och setts',
    'Skriven med incidentchecklistan i ebet-toolkit.',
    'Hela rapporten följer: klistra in den här från checklistan, eller bifoga dess fil.',
    'klistra in objektet ensamt i avkodaren för att se var det bryts',
    'HAR-filen tar slut innan dess JSON gör det',
    'Den här webbläsaren erbjuder inga service workers här',
    'e-postmeddelandet får bara början och säger det',
    'Utelämnade ur sökningen som signerade extrafält',
    'Klicka på bokmärket: det tar formuläret med NB_-fält som webbläsaren skulle skicka det',
    'En betalningskontroll hittar dessa betalningar; en ytterligare återbetalning anger aktuellt NB_PAID.',
    'giltig på datumet i NB_PAID',
    'Avbryt och avvisa går alltid.',
    '?lang=xx förstås inte',
    'Det gick inte att fråga butikens verifieringstjänst',
    'Signeringstjänsten https://shop.example/sign misslyckades (500). Inget skickades.',
    'Länkens fall kunde inte läsas',
    'NB_DB_CUR signerades trimmat',
    'de signerade värdena i andra ordningar',
    'varje belopp med decimalpunkt eller i kommaformen',
    'Ett fält signerat som inte ingår i MAC:en',
    '5 fält till är inga fält i handboken',
    'Läste formuläret; lästes inte, eftersom webbläsaren skickar dem separat',
    'Inget meddelande i E-betalning, så det finns inget att göra.',
    'NB_DB_CUR ”USD” går inte; banken tar bara emot SEK eller EUR',
    'NB_HMAC har ett värde fast NB_VERIFIED är ERR',
    'Felsöker MAC som inte stämmer',
    'avläses i den angivna MAC:en: banken skriver MAC:en med versaler',
    '2026-12-07 byts nyckeln: nycklarna byts vid midnatt',
    'NB_DB_AMOUNT är ett JSON-number',
  ];
  for (const sv of flagged) assert.notDeepEqual(problems(sv), [], `${JSON.stringify(sv)} should be caught`);
  // Each phrasing of the glossary is one of them: none is a pattern that nothing triggers.
  for (const p of glossary.phrasings) {
    const re = new RegExp(p.pattern, 'iu');
    assert.ok(flagged.some((sv) => re.test(sv)), `${p.text}: no flagged sentence matches ${p.pattern}`);
  }
});

test('values a helper inserts show their quotes: JSON.stringify() and quoted() straight, quoted(v, \'sv\') Swedish', () => {
  const source = [
    "text('x', `NB_STAMP förekommer 2 gånger (${JSON.stringify(a)})`);",
    "text('x', `${name} signerades som ${quoted(form)}`);",
    "text('x', `${name} signerades som ${quoted(form, 'sv')}`);",
    "text('x', `${name}=${JSON.stringify(value)}`);",
  ].join('\n');
  const strings = swedishInSource('x.ts', source);
  assert.deepEqual(strings.map((s) => s.sv), ['NB_STAMP förekommer 2 gånger ("‹›")', '‹› signerades som "‹›"', '‹› signerades som ”‹›”', '‹›="‹›"']);
  assert.deepEqual(strings.map((s) => problems(s.sv).some((p) => p.startsWith('straight quotes'))), [true, true, false, false]);
});

test('quotation marks written into an element template outside msg() are caught; those inside msg() are not', () => {
  const source = [
    "const a = msg('Short title (e.g. “Card payments fail”)');",
    'const b = `${S.announceStep} “${t(step.title)}”: ${word}`;',
    'const c = html`<p>${S.x}</p>`;',
  ].join('\n');
  assert.deepEqual(quotesInTemplates('x.ts', source).map((p) => p.line), [2]);
});

test('static HTML: the Swedish of lang="sv" elements and of <title data-sv> is read; Swedish text marked lang="en" is caught', () => {
  const page = (lang, title, body) => `<!doctype html>\n<html lang="${lang}">\n<head><title${title}>T</title></head>\n<body>\n${body}\n</body>\n</html>`;
  const bilingual = swedishInHtml('a.html', page('en', ' data-en="Your order" data-sv="Din beställning"', '<p>A shop’s form posts here.</p>\n<section lang="sv"><p>Utan workern svarar en statisk webbplats.</p></section>'));
  assert.deepEqual(bilingual.strings.map((s) => s.sv), ['Din beställning', 'Utan workern svarar en statisk webbplats.']);
  assert.deepEqual(bilingual.problems, []);
  assert.ok(problems(bilingual.strings[1].sv).some((p) => p.includes('worker')));
  const swedishAsEnglish = swedishInHtml('b.html', page('en', '', '<p>Verktygen finns på svenska och engelska. Välj språk med knapparna, och valet sparas i webbläsaren när du har valt det.</p>'));
  assert.equal(swedishAsEnglish.problems.length, 1);
  assert.match(swedishAsEnglish.problems[0].problem, /lang="sv"/);
  const swedishPage = swedishInHtml('c.html', page('sv', '', '<p>Verktygen finns på svenska.</p>\n<p lang="en">Documentation</p>'));
  assert.deepEqual(swedishPage.strings.map((s) => s.sv), ['T', 'Verktygen finns på svenska.']);
  assert.equal(readsAsSwedish('The tools are in Swedish and English: choose a language with the buttons, and it is kept.'), false);
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
