import { expect } from '@esm-bundle/chai';
import { detectKind, generateReference, generateStamp, hasValidCheckDigit, keyForDate, MESSAGE_KINDS, MESSAGES, parseAmount, parseFields, TEST_KEY, toHtmlForm, toUrlEncoded } from '../../../src/index.ts';
import { normalizeAmount } from '../../../src/protocol/amount.ts';
import { dateOfPaid } from '../../../src/protocol/key-ring.ts';
import { toJson } from '../../../src/protocol/output.ts';
import { checkDigit731, luhnCheckDigit } from '../../../src/protocol/reference.ts';
import { plainVisible, visibleSegments } from '../../../src/protocol/visible.ts';

describe('the field table', () => {
  it('covers the six messages of the handbook with bilingual descriptions', () => {
    expect(MESSAGE_KINDS).to.deep.equal(['payDirect', 'payDirectReturn', 'paymentCheck', 'paymentCheckResponse', 'repayment', 'repaymentResponse']);
    expect(MESSAGE_KINDS.map((k) => MESSAGES[k].table)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    for (const kind of MESSAGE_KINDS) {
      for (const f of MESSAGES[kind].fields) {
        expect(f.description.en, f.name).not.to.equal(f.name);
        expect(f.description.sv, f.name).not.to.equal(f.description.en);
      }
    }
    expect(MESSAGES.payDirect.fields.find((f) => f.name === 'NB_STAMP')!.format).to.deep.equal({ type: 'AN', max: 20 });
    expect(MESSAGES.payDirect.fields.find((f) => f.name === 'NB_DB_REF')!.format).to.deep.equal({ type: 'N', max: 25 });
    expect(MESSAGES.paymentCheckResponse.fields.find((f) => f.name === 'NB_ERROR_DESCR')!.format.max).to.equal(50);
    expect(MESSAGES.repaymentResponse.fields.find((f) => f.name === 'NB_ERROR_DESCR')!.format.max).to.equal(120);
  });
});

describe('detectKind', () => {
  const cases: Array<[string, string, string | null]> = [
    ['pay direct', 'NB_VERSION=0002&NB_RCV_ID=1&NB_STAMP=2&NB_DB_AMOUNT=1,00&NB_DB_CUR=SEK&NB_DB_REF=1&NB_RETURN=a&NB_CANCEL=b&NB_REJECT=c&NB_HMAC=x&NB_KVV=y', 'payDirect'],
    ['pay direct receipt', 'NB_RETURN_STAMP=1&NB_RETURN_DB_AMOUNT=1&NB_RETURN_DB_CUR=SEK&NB_RETURN_DB_REF=1&NB_PAID=2&NB_HMAC=x&NB_KVV=y', 'payDirectReturn'],
    ['payment check', 'NB_VERSION=0002&NB_RCV_ID=1&NB_STAMP=2&NB_HMAC=x&NB_KVV=y', 'paymentCheck'],
    ['payment check answer NO', 'NB_VERIFIED=NO&NB_RETURN_STAMP=1&NB_HMAC=x&NB_KVV=y', 'paymentCheckResponse'],
    ['payment check answer YES', 'NB_VERIFIED=YES&NB_RETURN_STAMP=1&NB_RETURN_DB_AMOUNT=1&NB_RETURN_DB_CUR=SEK&NB_RETURN_DB_REF=1&NB_PAID=2&NB_HMAC=x&NB_KVV=y', 'paymentCheckResponse'],
    ['repayment', 'NB_VERSION=0002&NB_RCV_ID=1&NB_STAMP=2&NB_DB_REF=1&NB_PAID=2&NB_REPAY_AMOUNT=1,00&NB_REPAY_CUR=SEK&NB_HMAC=x&NB_KVV=y', 'repayment'],
    ['repayment answer', 'NB_VERIFIED=YES&NB_RETURN_STAMP=1&NB_RETURN_DB_REF=1&NB_RETURN_REPAY_AMOUNT=1&NB_RETURN_REPAY_CUR=SEK&NB_PAID=3&NB_HMAC=x&NB_KVV=y', 'repaymentResponse'],
    ['nothing of the protocol', 'a=1&b=2', null],
  ];
  for (const [title, body, kind] of cases) {
    it(title, () => {
      expect(detectKind(parseFields(body).entries)).to.equal(kind);
    });
  }
  it('names the kind that fits best though its mandatory NB_REPAY_AMOUNT is missing', () => {
    expect(detectKind({ NB_RCV_ID: '1', NB_STAMP: '2', NB_PAID: '3' })).to.equal('repayment');
  });
});

describe('amounts', () => {
  it('reads amounts by meaning and writes the handbook’s form', () => {
    const cases: Array<[string, string | null]> = [
      ['550,00', '550,00'],
      ['550.00', '550,00'],
      ['550', '550,00'],
      ['550,5', '550,50'],
      [' 550,00 ', '550,00'],
      ['1 234,50', '1234,50'],
      ['1\u00a0234,50', '1234,50'],
      ['1.234,50', '1234,50'],
      ['1,234.50', '1234,50'],
      ['1,234', null],
      ['12,345', null],
      ['abc', null],
      ['1,2,3', null],
    ];
    for (const [input, canonical] of cases) expect(parseAmount(input)?.canonical ?? null, input).to.equal(canonical);
  });
  it('normalizeAmount throws naming the field', () => {
    expect(normalizeAmount('550')).to.equal('550,00');
    expect(() => normalizeAmount('five', 'amount')).to.throw(/amount "five" is not an amount/);
  });
});

describe('references and stamps', () => {
  it('computes Luhn and 7-3-1 check digits', () => {
    expect(luhnCheckDigit('7992739871')).to.equal(3);
    expect(checkDigit731('123456')).to.equal(1);
    expect(hasValidCheckDigit('79927398713', 'luhn')).to.equal(true);
    expect(hasValidCheckDigit('79927398714', 'luhn')).to.equal(false);
    expect(hasValidCheckDigit('1234561', '731')).to.equal(true);
    expect(hasValidCheckDigit('1234562', '731')).to.equal(false);
  });
  it('generates references with no leading zero and a valid check digit', () => {
    for (const scheme of ['none', 'luhn', '731'] as const) {
      for (let i = 0; i < 50; i++) {
        const ref = generateReference(scheme, 10);
        expect(ref).to.match(/^[1-9][0-9]{9}$/);
        expect(hasValidCheckDigit(ref, scheme)).to.equal(true);
      }
    }
  });
  it('generates 20-character stamps that differ', () => {
    const stamps = new Set(Array.from({ length: 200 }, () => generateStamp(new Date('2026-11-23T10:11:12Z'))));
    expect(stamps.size).to.equal(200);
    for (const s of stamps) expect(s).to.match(/^20261123101112[0-9A-Z]{6}$/);
  });
});

describe('key rings', () => {
  const ring = [
    { key: TEST_KEY, from: '2026-01-01', to: '2026-06-30' },
    { key: '00112233445566778899AABBCCDDEEFF', from: '2026-07-01', to: '2026-12-31' },
  ];
  it('picks the key valid on a date', () => {
    expect(keyForDate(ring, '2026-03-01').index).to.equal(0);
    expect(keyForDate(ring, '2026-08-01').index).to.equal(1);
    expect(keyForDate(ring, '2026-03-01').warnings).to.deep.equal([]);
  });
  it('warns on a change-over day, an overlap and a date no key covers', () => {
    expect(keyForDate(ring, '2026-06-30').warnings[0]!.en).to.match(/change-over/);
    expect(keyForDate([...ring, { key: TEST_KEY, from: '2026-06-01' }], '2026-06-15').warnings.some((w) => /no overlap/.test(w.en))).to.equal(true);
    const none = keyForDate(ring, '2027-01-02');
    expect(none.entry).to.equal(null);
    expect(none.warnings[0]!.en).to.match(/No key in the ring is valid on 2027-01-02/);
  });
  it('names the bad entry of a ring', () => {
    expect(() => keyForDate([TEST_KEY, 'xyz'], '2026-01-01')).to.throw(/Key 2: The key's character "x"/);
    expect(() => keyForDate([{ key: TEST_KEY, from: '1/1/2026' }], '2026-01-01')).to.throw(/write it as YYYY-MM-DD/);
  });
  it('reads NB_PAID as a date when it starts with one', () => {
    expect(dateOfPaid('20261123101010123')).to.equal('2026-11-23');
    expect(dateOfPaid('2026-11-23T10:10')).to.equal('2026-11-23');
    expect(dateOfPaid('ABC123')).to.equal(null);
  });
});

describe('visible segments', () => {
  it('shows spaces, tabs, no-break spaces, controls, non-ASCII and separators', () => {
    const segments = visibleSegments(' a\tb\u00a0å&\u0001', true);
    expect(segments.map((s) => s.kind)).to.deep.equal(['space', 'text', 'tab', 'text', 'nbsp', 'nonAscii', 'separator', 'control']);
    expect(segments.map((s) => s.shown).join('')).to.equal('·a→b⍽å&U+0001');
  });

  it('writes direction controls, zero-width characters, controls and lone surrogates as code points in plain text, and nothing else', () => {
    expect(plainVisible('REF=\u202e054321')).to.equal('REF=<U+202E>054321');
    expect(plainVisible('a\u200bb\u0001c\ud800d')).to.equal('a<U+200B>b<U+0001>c<U+D800>d');
    expect(plainVisible('å ö\tx\ny&z 😀')).to.equal('å ö\tx\ny&z 😀');
  });
});

describe('output formats', () => {
  const fields = { NB_STAMP: 'a"<b>&', NB_DB_CUR: 'SEK', NB_X: 'å ö' };
  it('writes an HTML form whose values survive a round trip through the parser', () => {
    const form = toHtmlForm(fields, 'https://bank.example/pay?a=1&b=2');
    expect(form).to.contain('<form method="post" action="https://bank.example/pay?a=1&amp;b=2">');
    expect(form).to.contain('<button type="submit">Betala</button>'); // one language, not "Betala / Pay"
    expect(toHtmlForm(fields, 'x', 'Pay')).to.contain('<button type="submit">Pay</button>');
    expect(parseFields(form).fields).to.deep.equal(fields);
  });
  it('writes URL-encoded bodies in UTF-8 or ISO-8859-1', () => {
    expect(toUrlEncoded(fields)).to.equal('NB_STAMP=a%22%3Cb%3E%26&NB_DB_CUR=SEK&NB_X=%C3%A5+%C3%B6');
    expect(toUrlEncoded(fields, 'iso-8859-1')).to.equal('NB_STAMP=a%22%3Cb%3E%26&NB_DB_CUR=SEK&NB_X=%E5+%F6');
    expect(parseFields(toUrlEncoded(fields)).fields).to.deep.equal(fields);
  });
  it('writes JSON that parses back', () => {
    expect(parseFields(toJson(fields)).fields).to.deep.equal(fields);
  });
});
