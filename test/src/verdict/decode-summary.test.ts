// The decoder's support summary line by line, in both languages, for a paste of a request, its
// receipt (stamp in another case), a forged receipt and an ERR answer: every field, the signed
// string, the MACs (WebCrypto's), the KVV in groups, the findings, the cross-check against the
// request and the doctor link. The verdict line is explainStatus's and is checked where that is.
// Also splitMessages's blocks and lines, and the calculator link's base64url at every length.
import { expect } from '@esm-bundle/chai';
import { macString, TEST_KEY, TEST_KVV } from '../../../src/index.ts';
import { calculatorCase } from '../../../src/doctor/index.ts';
import { decodeMessages, findReplays, splitMessages, supportSummary } from '../../../src/verdict/decode.ts';
import { webMac } from '../../support/webcrypto.ts';

const ORDER = {
  NB_VERSION: '0002',
  NB_RCV_ID: '999999',
  NB_STAMP: 'S1',
  NB_DB_AMOUNT: '899,00',
  NB_DB_CUR: 'SEK',
  NB_DB_REF: '123450',
  NB_RETURN: 'https://shop.example/ok.html',
  NB_CANCEL: 'https://shop.example/cancel.html',
  NB_REJECT: 'https://shop.example/reject.html',
};
const body = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
const receipt = (stamp: string, paid: string) => ({ NB_RETURN_STAMP: stamp, NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: ' SEK', NB_RETURN_DB_REF: '123450', NB_PAID: paid });
const GROUPED_KVV = TEST_KVV.replace(/(.{4})(?=.)/g, '$1 ');
/** Base64url without padding, by the browser's btoa. */
const base64url = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('supportSummary: a paste of four messages, line by line', () => {
  it('says every field, the signed strings, the MACs, the KVV, the findings, the cross-check and the doctor link', async () => {
    const orderMac = await webMac(TEST_KEY, '999999&S1&899,00&SEK&123450');
    const paidMac = await webMac(TEST_KEY, 's1&899,00& SEK&123450&20261123101500');
    const forgedExpected = await webMac(TEST_KEY, 'S2&899,00& SEK&123450&20261123101600');
    const forged = { ...receipt('S2', '20261123101600'), NB_HMAC: 'A'.repeat(32), NB_KVV: TEST_KVV };
    const paste = [
      `POST /pay ${body(ORDER)}`,
      `POST /ok ${body({ ...receipt('s1', '20261123101500'), NB_HMAC: paidMac, NB_KVV: TEST_KVV })}`,
      `POST /ok ${body(forged)}`,
      'POST /check NB_VERIFIED=ERR&NB_RETURN_STAMP=S3&NB_ERROR_DESCR=Try%20later',
    ].join('\n');
    const blocks = splitMessages(paste);
    expect(blocks.map((b) => [b.index, b.line])).to.deep.equal([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const list = decodeMessages(blocks, TEST_KEY);
    const summary = supportSummary(list, { calculatorUrl: 'https://toolkit.example/calculator/' });
    const link = `https://toolkit.example/calculator/#case=${base64url(JSON.stringify({ kind: 'payDirectReturn', fields: forged, mac: 'A'.repeat(32), encoding: 'utf-8' }))}`;
    const verdictLines = (s: string, label: string) => s.split('\n').filter((l) => l.startsWith(`  ${label}: `));
    const withoutVerdicts = (s: string, label: string) => s.split('\n').filter((l) => !l.startsWith(`  ${label}: `));
    expect(verdictLines(summary.en, 'Verdict')).to.deep.equal(list.messages.map((m) => `  Verdict: ${m.explanation.headline.en}`));
    expect(verdictLines(summary.sv, 'Bedömning')).to.deep.equal(list.messages.map((m) => `  Bedömning: ${m.explanation.headline.sv}`));
    expect(withoutVerdicts(summary.en, 'Verdict')).to.deep.equal([
      'E-betalning response decoder: 4 messages',
      '',
      'Message 1, line 1: Pay direct: shop → bank',
      '  NB_VERSION="0002"',
      '  NB_RCV_ID="999999"',
      '  NB_STAMP="S1"',
      '  NB_DB_AMOUNT="899,00"',
      '  NB_DB_CUR="SEK"',
      '  NB_DB_REF="123450"',
      '  NB_RETURN="https://shop.example/ok.html"',
      '  NB_CANCEL="https://shop.example/cancel.html"',
      '  NB_REJECT="https://shop.example/reject.html"',
      '  Signed string (UTF-8): "999999&S1&899,00&SEK&123450"',
      '  MAC: missing',
      `  NB_HMAC received: (none); expected: ${orderMac}`,
      `  Key: KVV ${GROUPED_KVV} (the key itself is not included)`,
      `  error: NB_HMAC is missing; this message is signed, so it must carry the MAC (with this key: ${orderMac})`,
      `  error: NB_KVV is missing; the handbook makes it mandatory in every signed message (with this key: ${TEST_KVV})`,
      '',
      'Message 2, line 2: Pay direct receipt: bank → shop',
      '  NB_RETURN_STAMP="s1"',
      '  NB_RETURN_DB_AMOUNT="899,00"',
      '  NB_RETURN_DB_CUR=" SEK"',
      '  NB_RETURN_DB_REF="123450"',
      '  NB_PAID="20261123101500"',
      `  NB_HMAC="${paidMac}"`,
      `  NB_KVV="${TEST_KVV}"`,
      '  Signed string (UTF-8): "s1&899,00& SEK&123450&20261123101500"',
      '  MAC: verified',
      `  NB_HMAC received: ${paidMac}; expected: ${paidMac}`,
      `  Key: KVV ${GROUPED_KVV} (the key itself is not included)`,
      '  NB_KVV: matches the key',
      '  order: NB_RETURN_STAMP "s1" differs from the order’s NB_STAMP "S1" in case: the bank echoes the value as sent, so this is another value. Do not deliver on it',
      "  order: NB_RETURN_DB_AMOUNT is the order's NB_DB_AMOUNT",
      `  order: NB_RETURN_DB_CUR " SEK" means the same as the order's "SEK"; it is written differently, and the MAC uses " SEK" exactly as received`,
      "  order: NB_RETURN_DB_REF is the order's NB_DB_REF",
      '',
      'Message 3, line 3: Pay direct receipt: bank → shop',
      '  NB_RETURN_STAMP="S2"',
      '  NB_RETURN_DB_AMOUNT="899,00"',
      '  NB_RETURN_DB_CUR=" SEK"',
      '  NB_RETURN_DB_REF="123450"',
      '  NB_PAID="20261123101600"',
      `  NB_HMAC="${'A'.repeat(32)}"`,
      `  NB_KVV="${TEST_KVV}"`,
      '  Signed string (UTF-8): "S2&899,00& SEK&123450&20261123101600"',
      '  MAC: DOES NOT MATCH',
      `  NB_HMAC received: ${'A'.repeat(32)}; expected: ${forgedExpected}`,
      `  Key: KVV ${GROUPED_KVV} (the key itself is not included)`,
      '  NB_KVV: matches the key',
      `  error: NB_HMAC does not match: with the key and UTF-8 the MAC of "S2&899,00& SEK&123450&20261123101600" is ${forgedExpected}, the message says ${'A'.repeat(32)}`,
      `  Mismatch doctor: ${link}`,
      '',
      'Message 4, line 4: Payment check answer: bank → shop',
      '  Error description from the bank: "Try later"',
      '  NB_VERIFIED="ERR"',
      '  NB_RETURN_STAMP="S3"',
      '  NB_ERROR_DESCR="Try later"',
      '  MAC: none by design (ERR)',
      '  warning: NB_VERIFIED is ERR: the bank computes no MAC for it by design, so nothing in it can be verified and it proves nothing',
      '',
      'A cancel/reject return carries no fields and proves nothing; an ERR answer carries no MAC and proves nothing either.',
    ]);
    expect(withoutVerdicts(summary.sv, 'Bedömning')).to.deep.equal([
      'Svarsavkodare för E-betalning: 4 meddelanden',
      '',
      'Meddelande 1, rad 1: Betala direkt: butik → bank',
      ...withoutVerdicts(summary.en, 'Verdict').slice(3, 12),
      '  Signerad sträng (UTF-8): ”999999&S1&899,00&SEK&123450”',
      '  MAC: saknas',
      `  NB_HMAC mottaget: (inget); förväntat: ${orderMac}`,
      `  Nyckel: KVV ${GROUPED_KVV} (själva nyckeln ingår inte)`,
      `  fel: NB_HMAC saknas; meddelandet signeras, så det ska ha en MAC (med den här nyckeln: ${orderMac})`,
      `  fel: NB_KVV saknas; enligt handboken är det obligatoriskt i varje signerat meddelande (med den här nyckeln: ${TEST_KVV})`,
      '',
      'Meddelande 2, rad 2: Kvitto för Betala direkt: bank → butik',
      ...withoutVerdicts(summary.en, 'Verdict').slice(20, 27),
      '  Signerad sträng (UTF-8): ”s1&899,00& SEK&123450&20261123101500”',
      '  MAC: stämmer',
      `  NB_HMAC mottaget: ${paidMac}; förväntat: ${paidMac}`,
      `  Nyckel: KVV ${GROUPED_KVV} (själva nyckeln ingår inte)`,
      '  NB_KVV: stämmer med nyckeln',
      '  order: NB_RETURN_STAMP ”s1” skiljer sig från orderns NB_STAMP ”S1” i skiftläge: banken skickar tillbaka värdet som det skickades, så detta är ett annat värde. Leverera inte på det',
      '  order: NB_RETURN_DB_AMOUNT är orderns NB_DB_AMOUNT',
      '  order: NB_RETURN_DB_CUR ” SEK” betyder samma sak som orderns ”SEK” men är skrivet på ett annat sätt; MAC:en beräknas på ” SEK” exakt som det togs emot',
      '  order: NB_RETURN_DB_REF är orderns NB_DB_REF',
      '',
      'Meddelande 3, rad 3: Kvitto för Betala direkt: bank → butik',
      ...withoutVerdicts(summary.en, 'Verdict').slice(38, 45),
      '  Signerad sträng (UTF-8): ”S2&899,00& SEK&123450&20261123101600”',
      '  MAC: STÄMMER INTE',
      `  NB_HMAC mottaget: ${'A'.repeat(32)}; förväntat: ${forgedExpected}`,
      `  Nyckel: KVV ${GROUPED_KVV} (själva nyckeln ingår inte)`,
      '  NB_KVV: stämmer med nyckeln',
      `  fel: NB_HMAC stämmer inte; med nyckeln och UTF-8 är MAC:en för ”S2&899,00& SEK&123450&20261123101600” ${forgedExpected}, men meddelandet har ${'A'.repeat(32)}`,
      `  Felsökare: ${link}`,
      '',
      'Meddelande 4, rad 4: Svar på betalningskontroll: bank → butik',
      '  Felbeskrivning från banken: ”Try later”',
      '  NB_VERIFIED="ERR"',
      '  NB_RETURN_STAMP="S3"',
      '  NB_ERROR_DESCR="Try later"',
      '  MAC: ingen, avsiktligt (ERR)',
      '  varning: NB_VERIFIED är ERR: banken beräknar avsiktligt ingen MAC för det, så inget i det kan verifieras och det bevisar ingenting',
      '',
      'En retur via avbryt/avvisa har inga fält och bevisar ingenting; ett ERR-svar har ingen MAC och bevisar inte heller något.',
    ]);
  });

  it('one message, a page of several, a ring key, a KVV that does not match, replays and no doctor link without the calculator', async () => {
    const paid = '20261123101500';
    // A MAC over 899.00 where 899,00 is sent: a mismatch the doctor explains at once, not after
    // searching thousands of HMACs for each of the four decodings below.
    const signed = macString('payDirectReturn', { ...receipt('S1', paid), NB_RETURN_DB_AMOUNT: '899.00' })!;
    const fields = { ...receipt('S1', paid), NB_HMAC: await webMac(TEST_KEY, signed), NB_KVV: 'C'.repeat(32) };
    const line = body(fields);
    const one = supportSummary(decodeMessages(splitMessages(line), TEST_KEY));
    expect(one.en.split('\n')[0]).to.equal('E-betalning response decoder: 1 message');
    expect(one.sv.split('\n')[0]).to.equal('Svarsavkodare för E-betalning: 1 meddelande');
    expect(one.en).to.not.contain('Mismatch doctor');
    expect(one.en).to.contain('\n  NB_KVV: DOES NOT match the key\n');
    expect(one.sv).to.contain('\n  NB_KVV: stämmer INTE med nyckeln\n');
    const three = decodeMessages(splitMessages([line, line, line].join('\n')), ['00112233445566778899AABBCCDDEEFF', TEST_KEY], { limit: 2 });
    const summary = supportSummary(three);
    expect(summary.en.split('\n')[0]).to.equal('E-betalning response decoder: 3 messages, 2 shown');
    expect(summary.sv.split('\n')[0]).to.equal('Svarsavkodare för E-betalning: 3 meddelanden, 2 visas');
    expect(summary.en).to.contain('\n  Key 1 of 2: KVV ');
    expect(summary.sv).to.contain('\n  Nyckel 1 av 2: KVV ');
    const replay = findReplays([fields, fields, fields], ['payDirectReturn', 'payDirectReturn', 'payDirectReturn'])[0]!;
    expect(summary.en).to.contain(`\n  replay: ${replay.message.en}`);
    expect(summary.sv).to.contain(`\n  upprepning: ${replay.message.sv}`);
    expect(summary.en).to.contain('\n  warning: No key of the ring is valid on 2026-11-23 (the date in NB_PAID); key 1 was used\n');
    expect(summary.sv).to.contain('\n  varning: Ingen nyckel i nyckelringen gäller 2026-11-23 (datumet i NB_PAID); nyckel 1 användes\n');
  });

  it('a message read from JSON has no line; an unknown one is named so; information is said as info', async () => {
    const summary = supportSummary(decodeMessages(splitMessages('[{"NB_RETURN_STAMP":"1","NB_VERIFIED":"NO"},{"foo":"x"}]'), null));
    expect(summary.en.split('\n').filter((l) => l.startsWith('Message'))).to.deep.equal(['Message 1: Payment check answer: bank → shop', 'Message 2: unknown message']);
    expect(summary.sv.split('\n').filter((l) => l.startsWith('Meddelande'))).to.deep.equal(['Meddelande 1: Svar på betalningskontroll: bank → butik', 'Meddelande 2: okänt meddelande']);
    expect(summary.en).to.contain('\n  MAC: not checked: no key\n');
    expect(summary.en).to.contain('\n  MAC: not checked: unknown message\n');
    expect(summary.sv).to.contain('\n  MAC: inte kontrollerad: ingen nyckel\n');
    const lower = (await webMac(TEST_KEY, 'NO&1')).toLowerCase();
    const info = supportSummary(decodeMessages(splitMessages(`NB_VERIFIED=NO&NB_RETURN_STAMP=1&NB_HMAC=${lower}&NB_KVV=${TEST_KVV}`), TEST_KEY));
    expect(info.en).to.contain('\n  info: NB_HMAC is in lower case;');
    expect(info.sv).to.contain('\n  info: NB_HMAC är skrivet med gemener;');
  });
});

describe('findReplays: one warning per replay, in words', () => {
  it('the same receipt twice is one NB_PAID warning; receipts for one stamp a stamp warning; checks of one stamp only a note', () => {
    const receipt = { NB_RETURN_STAMP: 'S1', NB_PAID: 'P1' };
    const check = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'S1' };
    const replays = findReplays(
      [receipt, receipt, { ...receipt, NB_PAID: 'P2' }, check, check, { NB_STAMP: 'S1' }, receipt],
      ['payDirectReturn', 'payDirectReturn', 'payDirectReturn', 'paymentCheckResponse', 'paymentCheckResponse', 'payDirect', null],
    );
    expect(replays).to.deep.equal([
      {
        level: 'warning',
        code: 'replay-paid',
        field: 'NB_PAID',
        value: 'P1',
        messages: [0, 1],
        message: {
          en: 'Messages 1, 2 (Pay direct receipt: bank → shop) carry the same NB_PAID P1: a receipt can be replayed — act on it once only',
          sv: 'Meddelandena 1, 2 (Kvitto för Betala direkt: bank → butik) har samma NB_PAID P1: ett kvitto kan skickas om — hantera det bara en gång',
        },
      },
      {
        level: 'warning',
        code: 'replay-stamp',
        field: 'NB_RETURN_STAMP',
        value: 'S1',
        messages: [0, 1, 2],
        message: {
          en: 'Messages 1, 2, 3 are receipts for the same stamp S1: a stamp is paid once, so one is a replay — deliver the order once only',
          sv: 'Meddelandena 1, 2, 3 är kvitton för samma betalnings-ID S1: ett betalnings-ID betalas bara en gång, så ett av dem är en upprepning — leverera ordern bara en gång',
        },
      },
      {
        level: 'info',
        code: 'repeat-stamp',
        field: 'NB_RETURN_STAMP',
        value: 'S1',
        messages: [3, 4],
        message: {
          en: 'Messages 4, 5 (Payment check answer: bank → shop) are for the same stamp S1: normal when a payment is checked again or repaid in parts',
          sv: 'Meddelandena 4, 5 (Svar på betalningskontroll: bank → butik) gäller samma betalnings-ID S1: det är normalt när en betalning kontrolleras igen eller återbetalas i flera delar',
        },
      },
    ]);
    // The same receipt twice and nothing else: its NB_PAID warning says it, the stamp's would repeat it.
    expect(findReplays([receipt, receipt], ['payDirectReturn', 'payDirectReturn']).map((r) => r.code)).to.deep.equal(['replay-paid']);
  });
});

describe('calculatorCase: base64url of the case at every length', () => {
  it('is the JSON of kind, fields, MAC and encoding, in base64url without padding, for every remainder of three bytes', () => {
    for (const stamp of ['1', '12', '123', 'å', 'åä']) {
      const fields = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: stamp, NB_HMAC: 'AB' };
      for (const encoding of ['utf-8', 'iso-8859-1'] as const) {
        const json = JSON.stringify({ kind: 'paymentCheckResponse', fields, mac: 'AB', encoding });
        expect(calculatorCase('paymentCheckResponse', fields, encoding)).to.equal(`case=${base64url(json)}`);
      }
    }
    expect(calculatorCase('paymentCheckResponse', { NB_VERIFIED: 'NO' })).to.equal(`case=${base64url(JSON.stringify({ kind: 'paymentCheckResponse', fields: { NB_VERIFIED: 'NO' }, mac: '', encoding: 'utf-8' }))}`);
  });
});

describe('splitMessages: blocks, lines and what is no message', () => {
  it('a block of NAME=value lines is one message; blank lines and prose between blocks are not', () => {
    const paste = 'Log of today\n\nNB_VERIFIED=NO\nNB_RETURN_STAMP=1\n\n\nsomething else\n\nNB_VERIFIED=YES\nNB_RETURN_STAMP=2\n';
    expect(splitMessages(paste).map((b) => [b.index, b.line, b.text])).to.deep.equal([
      [0, 3, 'NB_VERIFIED=NO\nNB_RETURN_STAMP=1'],
      [1, 9, 'NB_VERIFIED=YES\nNB_RETURN_STAMP=2'],
    ]);
  });

  it('a block whose lines are all whole messages is one message per line; one line that is not makes it one block', () => {
    const lines = ['NB_VERIFIED=NO&NB_RETURN_STAMP=1', '{"NB_VERIFIED":"YES","NB_RETURN_STAMP":"2"}'];
    expect(splitMessages(lines.join('\n')).map((b) => [b.index, b.line, b.text])).to.deep.equal([
      [0, 1, lines[0]],
      [1, 2, lines[1]],
    ]);
    const mixed = `${lines[0]}\nNB_PAID=3\n\n${lines[1]}`;
    expect(splitMessages(mixed).map((b) => [b.line, b.text])).to.deep.equal([
      [1, `${lines[0]}\nNB_PAID=3`],
      [4, lines[1]],
    ]);
    // One field and an ampersand is not a whole message by itself.
    expect(splitMessages('NB_A=1&x=2\nNB_B=2&y=3').length).to.equal(1);
  });

  it('several HTML pages or forms are one message each, cut where the next begins', () => {
    const form = (stamp: string) => `<form action="/ok"><input name=NB_RETURN_STAMP value=${stamp}><input name=NB_VERIFIED value=NO></form>`;
    const pages = `<!doctype html><p>${form('1')}\n<!DOCTYPE html><p>${form('2')}`;
    expect(splitMessages(pages).map((b) => [b.index, b.line, b.parsed.fields.NB_RETURN_STAMP])).to.deep.equal([
      [0, 1, '1'],
      [1, 2, '2'],
    ]);
    expect(splitMessages(`intro <html>${form('1')}</html>\n<html>${form('2')}</html>`).map((b) => b.text)).to.deep.equal([`intro <html>${form('1')}</html>\n`, `<html>${form('2')}</html>`]);
    expect(splitMessages(`${form('1')}${form('2')}${form('3')}`).map((b) => b.parsed.fields.NB_RETURN_STAMP)).to.deep.equal(['1', '2', '3']);
    expect(splitMessages(`<table>${form('1')}</table>`).length).to.equal(1);
  });

  it('a JSON list of objects is one message per object; a list of name/value pairs, a curl command or a fetch call is one', () => {
    const list = splitMessages('  [{"NB_VERIFIED":"NO","NB_RETURN_STAMP":"1"},{"NB_VERIFIED":"YES","NB_RETURN_STAMP":"2"}]  ');
    expect(list.map((b) => [b.index, b.line, b.text])).to.deep.equal([
      [0, undefined, '{"NB_VERIFIED":"NO","NB_RETURN_STAMP":"1"}'],
      [1, undefined, '{"NB_VERIFIED":"YES","NB_RETURN_STAMP":"2"}'],
    ]);
    for (const whole of [
      '[{"name":"NB_VERIFIED","value":"NO"},{"name":"NB_RETURN_STAMP","value":"1"}]',
      '[]',
      '[1, 2]',
      '[{"a":1}, [2]]',
      'curl -d "NB_VERIFIED=NO&NB_RETURN_STAMP=1" https://x\n\ncurl -d "NB_VERIFIED=NO&NB_RETURN_STAMP=2" https://x',
      'fetch("https://x", { body: "NB_VERIFIED=NO&NB_RETURN_STAMP=1" })\n\nNB_VERIFIED=NO\nNB_RETURN_STAMP=2',
    ]) {
      const blocks = splitMessages(whole);
      expect(blocks.map((b) => [b.index, b.line, b.text]), whole).to.deep.equal([[0, 1, whole]]);
    }
  });

  it('an empty paste, or one with no NB_ field, is the whole paste', () => {
    for (const input of ['', '   \n ', 'hello\n\nworld']) expect(splitMessages(input).map((b) => [b.index, b.line, b.text])).to.deep.equal([[0, 1, input]]);
  });
});
