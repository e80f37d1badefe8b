// What each value and structure cause of the doctor tries, read straight off the cause module for a
// small message: every candidate string written out by hand, with its words in both languages. No
// HMAC is computed here (the search that hashes these candidates is tested in doctor*.test.ts), so
// each test takes milliseconds.
import { expect } from '@esm-bundle/chai';
import { amountFormat } from '../../../src/doctor/causes/amount-format.ts';
import { EXAMPLE_FORM } from '../../../src/doctor/causes/example.ts';
import { extraField } from '../../../src/doctor/causes/extra-field.ts';
import { fieldOrder } from '../../../src/doctor/causes/field-order.ts';
import { missingField } from '../../../src/doctor/causes/missing-field.ts';
import { otherKind } from '../../../src/doctor/causes/other-kind.ts';
import { replacementChar } from '../../../src/doctor/causes/replacement-char.ts';
import { separator } from '../../../src/doctor/causes/separator.ts';
import { whitespace } from '../../../src/doctor/causes/whitespace.ts';
import type { Piece } from '../../../src/doctor/bytes.ts';
import type { Shape, Tweak } from '../../../src/doctor/types.ts';
import { contextOf, shapeString, tweakString, type TestContext } from '../../support/doctor.ts';

/** A tweak as a reader checks it: where, what it signs, and its words. */
const tweakRow = (ctx: TestContext) => (t: Tweak) => ({ cause: t.cause, index: t.index, string: tweakString(t, ctx.values) });
const shapeRow = (ctx: TestContext) => (s: Shape) => ({ cause: s.cause, step: s.step, pairable: s.pairable, string: shapeString(s, ctx.values) });

describe('amount-format: every form an amount is tried in', () => {
  const forms = (amount: string): string[] => {
    const ctx = contextOf('payDirect', { ...EXAMPLE_FORM, NB_DB_AMOUNT: amount });
    const tweaks = amountFormat.tweaks(ctx);
    for (const t of tweaks) {
      expect(t.cause).to.equal('amount-format');
      expect(t.index).to.equal(2); // NB_DB_AMOUNT is the third signed value; no other value is an amount
      expect(t.changes.map(([at]) => at)).to.deep.equal([2]);
    }
    return tweaks.map((t) => t.changes[0]![1].text);
  };

  it('a whole amount: with a point, without decimals, in hundredths', () => {
    expect(forms('899,00')).to.deep.equal(['899.00', '899', '89900']);
    expect(forms('899')).to.deep.equal(['899.00', '899,00', '89900']);
  });

  it('with öre: both decimal marks, the shortest number, hundredths; thousands grouped from four digits on', () => {
    expect(forms('899,50')).to.deep.equal(['899.50', '899.5', '899,5', '89950']);
    expect(forms('1899,50')).to.deep.equal(['1899.50', '1899.5', '1899,5', '189950', '1\u00a0899,50', '1 899,50', '1\u202f899,50', '1.899,50', '1,899.50']);
    expect(forms('1234567,05')).to.deep.equal([
      '1234567.05',
      '123456705',
      '1\u00a0234\u00a0567,05',
      '1 234 567,05',
      '1\u202f234\u202f567,05',
      '1.234.567,05',
      '1,234,567.05',
    ]);
  });

  it('nothing for a value that is not an amount', () => {
    expect(forms('899 kr')).to.deep.equal([]);
  });

  it('says what was signed, in a request and in an answer from the bank', () => {
    const request = amountFormat.tweaks(contextOf('payDirect', EXAMPLE_FORM))[0]!;
    expect(request.say).to.deep.equal({
      en: 'NB_DB_AMOUNT was signed as "899.00" while the message carries "899,00": sign the value exactly as sent.',
      sv: 'NB_DB_AMOUNT signerades som ”899.00”, men i meddelandet står det ”899,00”: signera värdet exakt som det skickas.',
    });
    const receipt = { NB_RETURN_STAMP: '7', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '20260812101500' };
    const answer = amountFormat.tweaks(contextOf('payDirectReturn', receipt));
    expect(answer.map((t) => [t.index, t.changes[0]![1].text])).to.deep.equal([
      [1, '899.00'],
      [1, '899'],
      [1, '89900'],
    ]);
    expect(answer[0]!.say).to.deep.equal({
      en: 'The bank signed NB_RETURN_DB_AMOUNT as "899.00"; the message as you have it carries "899,00": your side (its log, its parser or a copy) turned "899.00" into "899,00". Read the answer exactly as the bank posted it.',
      sv: 'Banken signerade NB_RETURN_DB_AMOUNT som ”899.00”; i ditt meddelande står det ”899,00”: något hos dig (loggen, parsern eller en kopia) har ändrat ”899.00” till ”899,00”. Läs svaret exakt som banken skickade det.',
    });
  });
});

describe('whitespace: each value trimmed or with whitespace added', () => {
  it('a request: trimmed where it has whitespace, five forms each, and every value trimmed at once', () => {
    const ctx = contextOf('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: ' 999999', NB_STAMP: '7\t' });
    const tweaks = whitespace.tweaks(ctx);
    expect(tweaks.map(tweakRow(ctx))).to.deep.equal(
      [
        [0, '999999&7\t'],
        [0, '  999999&7\t'],
        [0, ' 999999 &7\t'],
        [0, ' 999999\n&7\t'],
        [0, ' 999999\r\n&7\t'],
        [0, ' 999999\t&7\t'],
        [1, ' 999999&7'],
        [1, ' 999999& 7\t'],
        [1, ' 999999&7\t '],
        [1, ' 999999&7\t\n'],
        [1, ' 999999&7\t\r\n'],
        [1, ' 999999&7\t\t'],
        [-1, '999999&7'],
      ].map(([index, string]) => ({ cause: 'whitespace', index, string })),
    );
    expect(tweaks[12]!.changes.map(([at, piece]) => [at, piece.text])).to.deep.equal([
      [0, '999999'],
      [1, '7'],
    ]);
    expect(tweaks.map((t) => t.say)).to.deep.include.members([
      {
        en: 'NB_RCV_ID was signed trimmed, "999999", while the message carries " 999999" with whitespace: sign values exactly as sent, never trimmed.',
        sv: 'NB_RCV_ID signerades utan blanktecken runt värdet, ”999999”, men i meddelandet står det ” 999999” med blanktecken: signera värden exakt som de skickas, utan att ta bort något.',
      },
      { en: 'NB_STAMP was signed with a trailing CR LF line break, "7\\t\\r\\n", while the message carries "7\\t".', sv: 'NB_STAMP signerades med en avslutande CR LF-radbrytning, ”7\\t\\r\\n”, men i meddelandet står det ”7\\t”.' },
      {
        en: 'Every value was signed trimmed while the message carries whitespace around some: sign values exactly as sent.',
        sv: 'Alla värden signerades utan blanktecken runt dem, men i meddelandet har några värden blanktecken runt sig: signera värden exakt som de skickas.',
      },
    ]);
  });

  it('no "every value trimmed" candidate when only one value has whitespace (it is that value trimmed)', () => {
    const ctx = contextOf('paymentCheck', { NB_RCV_ID: '999999', NB_STAMP: '7 ' });
    expect(whitespace.tweaks(ctx).map((t) => t.index)).to.deep.equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('an answer from the bank says your side changed it', () => {
    const ctx = contextOf('paymentCheckResponse', { NB_VERIFIED: 'NO', NB_RETURN_STAMP: ' 7', NB_HMAC: 'x' });
    const tweaks = whitespace.tweaks(ctx);
    expect(tweaks.map(tweakRow(ctx)).map((r) => r.string)).to.deep.equal([' NO& 7', 'NO & 7', 'NO\n& 7', 'NO\r\n& 7', 'NO\t& 7', 'NO&7', 'NO&  7', 'NO& 7 ', 'NO& 7\n', 'NO& 7\r\n', 'NO& 7\t']);
    expect(tweaks[0]!.say).to.deep.equal({
      en: 'The bank signed NB_VERIFIED with a leading space, " NO"; the message as you have it carries "NO": your side (its log, its parser or a copy) removed it. Read the answer exactly as the bank posted it.',
      sv: 'Banken signerade NB_VERIFIED med ett inledande mellanslag, ” NO”; i ditt meddelande står det ”NO”: något hos dig (loggen, parsern eller en kopia) har tagit bort tecknet. Läs svaret exakt som banken skickade det.',
    });
    expect(tweaks[5]!.say).to.deep.equal({
      en: 'The bank signed NB_RETURN_STAMP as "7"; the message as you have it carries " 7": your side (its log, its parser or a copy) added the whitespace. Read the answer exactly as the bank posted it.',
      sv: 'Banken signerade NB_RETURN_STAMP som ”7”; i ditt meddelande står det ” 7”: något hos dig (loggen, parsern eller en kopia) har lagt till blanktecknen. Läs svaret exakt som banken skickade det.',
    });
    const both = whitespace.tweaks(contextOf('paymentCheckResponse', { NB_VERIFIED: 'NO ', NB_RETURN_STAMP: ' 7' }));
    expect(both.at(-1)!.say).to.deep.equal({
      en: 'The bank signed every value trimmed; the message as you have it carries whitespace around some: your side (its log, its parser or a copy) added it. Read the answer exactly as the bank posted it.',
      sv: 'Banken signerade alla värden utan blanktecken runt dem; i ditt meddelande har några värden blanktecken runt sig: något hos dig (loggen, parsern eller en kopia) har lagt till dem. Läs svaret exakt som banken skickade det.',
    });
  });
});

describe('replacement-char: U+FFFD read back as a likely Latin-1 letter', () => {
  it('each letter in turn, every U+FFFD of the value replaced; values without one are left alone', () => {
    const ctx = contextOf('paymentCheck', { NB_RCV_ID: '999999', NB_STAMP: 'M\ufffdns\ufffdn' });
    const tweaks = replacementChar.tweaks(ctx);
    expect(tweaks.map(tweakRow(ctx))).to.deep.equal(
      ['Månsån', 'Mänsän', 'Mönsön', 'MÅnsÅn', 'MÄnsÄn', 'MÖnsÖn', 'Ménsén'].map((v) => ({ cause: 'replacement-char', index: 1, string: `999999&${v}` })),
    );
    expect(tweaks[0]!.say).to.deep.equal({
      en: 'NB_STAMP was signed as "Månsån"; the message as given holds "M\ufffdns\ufffdn": it was read with the wrong character set (ISO-8859-1 bytes decoded as UTF-8), which turned "å" into U+FFFD. Read it in the character set it was sent in.',
      sv: 'NB_STAMP signerades som ”Månsån”, men i meddelandet står det ”M\ufffdns\ufffdn”: meddelandet har lästs med fel teckenuppsättning (byte i ISO-8859-1 avkodade som UTF-8), så att ”å” blev U+FFFD. Läs meddelandet med den teckenuppsättning som det skickades med.',
    });
    expect(replacementChar.tweaks(contextOf('paymentCheck', { NB_RCV_ID: '999999', NB_STAMP: 'Mansson' }))).to.deep.equal([]);
  });

  it('in an answer: the message as you have it', () => {
    const [first] = replacementChar.tweaks(contextOf('paymentCheckResponse', { NB_VERIFIED: 'NO', NB_RETURN_STAMP: '\ufffd' }));
    expect(first!.say.en).to.equal(
      'NB_RETURN_STAMP was signed as "å"; the message as you have it holds "\ufffd": it was read with the wrong character set (ISO-8859-1 bytes decoded as UTF-8), which turned "å" into U+FFFD. Read it in the character set it was sent in.',
    );
    expect(first!.say.sv).to.contain('men i ditt meddelande står det ”\ufffd”');
  });
});

describe('field-order: the orders tried', () => {
  const orders = (ctx: TestContext) => fieldOrder.shapes(ctx).shapes.map(shapeRow(ctx));

  it('two fields: the one other order', () => {
    const ctx = contextOf('paymentCheck', { NB_RCV_ID: 'R', NB_STAMP: 'S' });
    expect(orders(ctx)).to.deep.equal([{ cause: 'field-order', step: 'select', pairable: 'all', string: 'S&R' }]);
    expect(fieldOrder.shapes(ctx).shapes[0]!.say()).to.deep.equal({
      en: 'The values were signed in the order NB_STAMP, NB_RCV_ID; the handbook’s order is NB_RCV_ID, NB_STAMP.',
      sv: 'Värdena signerades i ordningen NB_STAMP, NB_RCV_ID; handbokens ordning är NB_RCV_ID, NB_STAMP.',
    });
  });

  it('three fields: every other order, each once', () => {
    const ctx = contextOf('paymentCheckResponse', { NB_VERIFIED: 'NO', NB_RETURN_STAMP: 'S', NB_PAID: 'P' });
    expect(ctx.base.map((e) => e.value)).to.deep.equal(['NO', 'S']); // NB_PAID is signed only when YES
    const yes = contextOf('paymentCheckResponse', { NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'S', NB_PAID: 'P' });
    expect(orders(yes).map((o) => o.string).sort()).to.deep.equal(['P&S&YES', 'P&YES&S', 'S&P&YES', 'S&YES&P', 'YES&P&S']);
    // The alphabetical (also the reversed) order, the Solo order and the three swaps pair; the rotation that is none of them does not.
    expect(orders(yes).filter((o) => o.pairable === 'none').map((o) => o.string)).to.deep.equal(['P&YES&S']);
  });

  it('five fields: all 119 other orders; the named orders and single swaps pair, the rest do not', () => {
    const ctx = contextOf('payDirect', EXAMPLE_FORM);
    const found = orders(ctx);
    expect(found).to.have.length(119);
    expect(new Set(found.map((o) => o.string)).size).to.equal(119);
    expect(found.map((o) => o.string)).to.not.include('999999&00002&899,00&SEK&123450');
    const pairing = found.filter((o) => o.pairable === 'all').map((o) => o.string);
    expect(pairing.sort()).to.deep.equal(
      [
        // The alphabetical, the reversed and the Solo bank-link's order (the form's is the handbook's here).
        '899,00&SEK&123450&999999&00002',
        '123450&SEK&899,00&00002&999999',
        '00002&999999&899,00&123450&SEK',
        // The ten single swaps.
        '00002&999999&899,00&SEK&123450',
        '899,00&00002&999999&SEK&123450',
        'SEK&00002&899,00&999999&123450',
        '123450&00002&899,00&SEK&999999',
        '999999&899,00&00002&SEK&123450',
        '999999&SEK&899,00&00002&123450',
        '999999&123450&899,00&SEK&00002',
        '999999&00002&SEK&899,00&123450',
        '999999&00002&123450&SEK&899,00',
        '999999&00002&899,00&123450&SEK',
      ].sort(),
    );
  });

  it('the form’s own order is tried and pairs, its first occurrence of a name counting', () => {
    const fields = [
      { name: 'NB_DB_REF', value: '123450' },
      { name: 'NB_RCV_ID', value: '999999' },
      { name: 'NB_STAMP', value: '00002' },
      { name: 'NB_DB_AMOUNT', value: '899,00' },
      { name: 'NB_DB_CUR', value: 'SEK' },
      { name: 'NB_DB_REF', value: '1' },
    ];
    const ctx = contextOf('payDirect', fields);
    const formOrder = orders(ctx).find((o) => o.string === '123450&999999&00002&899,00&SEK');
    expect(formOrder).to.deep.equal({ cause: 'field-order', step: 'select', pairable: 'all', string: '123450&999999&00002&899,00&SEK' });
    // A three-way rotation that is none of the named orders does not pair.
    expect(orders(ctx).find((o) => o.string === '00002&899,00&999999&SEK&123450')!.pairable).to.equal('none');
  });

  it('six fields: all 719 other orders', () => {
    const ctx = contextOf('repayment', { NB_RCV_ID: 'R', NB_STAMP: 'S', NB_DB_REF: 'F', NB_PAID: 'P', NB_REPAY_AMOUNT: 'A', NB_REPAY_CUR: 'C' });
    const found = orders(ctx);
    expect(found).to.have.length(719);
    expect(new Set(found.map((o) => o.string)).size).to.equal(719);
  });

  it('seven fields: the single swaps and the named orders only (the Solo order keeps unnamed fields in place)', () => {
    const ctx = contextOf('paymentCheckResponse', {
      NB_VERIFIED: 'YES',
      NB_RETURN_STAMP: 'S',
      NB_RETURN_DB_AMOUNT: 'A',
      NB_RETURN_DB_CUR: 'C',
      NB_RETURN_DB_REF: 'F',
      NB_RETURN_BB_REF1: 'B',
      NB_PAID: 'P',
    });
    const found = orders(ctx);
    expect(found).to.have.length(21 + 3);
    expect(found.every((o) => o.pairable === 'all')).to.equal(true);
    const named = found.slice(0, 3).map((o) => o.string);
    // Alphabetical, reversed, Solo (STAMP, AMOUNT, REF, PAID, CUR, then VERIFIED and BB_REF1 as they stood).
    expect(named).to.deep.equal(['P&B&A&C&F&S&YES', 'P&B&F&C&A&S&YES', 'S&A&F&P&C&YES&B']);
    expect(found.slice(3).map((o) => o.string)).to.include.members(['S&YES&A&C&F&B&P', 'YES&S&A&C&F&P&B', 'P&S&A&C&F&B&YES']);
  });
});

describe('missing-field: one or two values left out', () => {
  it('each value alone (pairs with other mistakes), then each two (does not)', () => {
    const ctx = contextOf('payDirect', { NB_RCV_ID: 'R', NB_STAMP: 'S', NB_DB_AMOUNT: 'A', NB_DB_CUR: 'C', NB_DB_REF: 'F' });
    const shapes = missingField.shapes(ctx).shapes;
    expect(shapes.map((s) => [s.pairable, shapeString(s, ctx.values)])).to.deep.equal([
      ['all', 'S&A&C&F'],
      ['none', 'A&C&F'],
      ['none', 'S&C&F'],
      ['none', 'S&A&F'],
      ['none', 'S&A&C'],
      ['all', 'R&A&C&F'],
      ['none', 'R&C&F'],
      ['none', 'R&A&F'],
      ['none', 'R&A&C'],
      ['all', 'R&S&C&F'],
      ['none', 'R&S&F'],
      ['none', 'R&S&C'],
      ['all', 'R&S&A&F'],
      ['none', 'R&S&A'],
      ['all', 'R&S&A&C'],
    ]);
    expect(shapes.every((s) => s.cause === 'missing-field' && s.step === 'select')).to.equal(true);
    expect(shapes[14]!.say()).to.deep.equal({
      en: 'NB_DB_REF was left out of the signed string; it is part of the MAC.',
      sv: 'NB_DB_REF utelämnades ur den signerade strängen; fältet ingår i MAC:en.',
    });
    expect(shapes[1]!.say()).to.deep.equal({
      en: 'NB_RCV_ID and NB_STAMP were left out of the signed string; both are part of the MAC.',
      sv: 'NB_RCV_ID och NB_STAMP utelämnades ur den signerade strängen; båda ingår i MAC:en.',
    });
  });
});

describe('extra-field: a field signed that is not part of the MAC', () => {
  it('each other field of the form at every place, then the whole form with and without NB_KVV', () => {
    const ctx = contextOf('payDirect', EXAMPLE_FORM);
    const { shapes, leftOut } = extraField.shapes(ctx);
    expect(leftOut).to.deep.equal([]);
    const right = '999999&00002&899,00&SEK&123450';
    const at = (value: string) => [0, 1, 2, 3, 4, 5].map((k) => [...right.split('&').slice(0, k), value, ...right.split('&').slice(k)].join('&'));
    const kvv = EXAMPLE_FORM.NB_KVV!;
    expect(shapes.map((s) => shapeString(s, ctx.values))).to.deep.equal([
      ...at('0002'),
      ...at('https://shop.example/ok.html'),
      ...at(kvv),
      `0002&${right}&https://shop.example/ok.html&${kvv}`,
      `0002&${right}&https://shop.example/ok.html`,
    ]);
    expect(shapes.map((s) => s.pairable)).to.deep.equal([...Array<string>(18).fill('all'), 'none', 'none']);
    expect(shapes[7]!.say()).to.deep.equal({
      en: 'NB_RETURN ("https://shop.example/ok.html") was signed as well, as value 2 of 6; it is not part of this message’s MAC.',
      sv: 'NB_RETURN (”https://shop.example/ok.html”) signerades också, som värde 2 av 6; fältet ingår inte i meddelandets MAC.',
    });
    expect(shapes[19]!.say()).to.deep.equal({
      en: 'Every field of the form was signed, in the form’s order (NB_VERSION, NB_RCV_ID, NB_STAMP, NB_DB_AMOUNT, NB_DB_CUR, NB_DB_REF, NB_RETURN); only NB_RCV_ID, NB_STAMP, NB_DB_AMOUNT, NB_DB_CUR, NB_DB_REF are part of the MAC.',
      sv: 'Alla fält i formuläret signerades, i den ordning de står i formuläret (NB_VERSION, NB_RCV_ID, NB_STAMP, NB_DB_AMOUNT, NB_DB_CUR, NB_DB_REF, NB_RETURN); bara NB_RCV_ID, NB_STAMP, NB_DB_AMOUNT, NB_DB_CUR, NB_DB_REF ingår i MAC:en.',
    });
  });

  it('the whole form takes the values as changed (a tweak applies inside it), and an extra keeps its place among fewer values', () => {
    const ctx = contextOf('paymentCheck', { NB_STAMP: 'S', NB_RETURN: 'U', NB_RCV_ID: 'R' });
    const { shapes } = extraField.shapes(ctx);
    const changed: Piece[] = [ctx.pieces.of('r'), ctx.pieces.of('s')];
    // NB_VERSION (the message has it, the form does not) and NB_RETURN, each at 3 places, then the form in its own order.
    expect(shapes.map((s) => shapeString(s, changed))).to.deep.equal(['0002&r&s', 'r&0002&s', 'r&s&0002', 'U&r&s', 'r&U&s', 'r&s&U', 's&U&r']);
    // After a value was left out, an extra meant for the last place goes last.
    expect(shapeString(shapes[2]!, [ctx.pieces.of('r')])).to.equal('r&0002');
    expect(shapes[0]!.say().en).to.equal('NB_VERSION ("0002") was signed as well, as value 1 of 3; it is not part of this message’s MAC.');
  });

  it('no whole-form candidate when the form is the signed fields in their order; no NB_VERSION where the message has none', () => {
    const check = extraField.shapes(contextOf('paymentCheck', { NB_RCV_ID: 'R', NB_STAMP: 'S', NB_HMAC: 'M' }));
    expect(check.shapes.map((s) => s.say().en)).to.deep.equal([1, 2, 3].map((k) => `NB_VERSION ("0002") was signed as well, as value ${k} of 3; it is not part of this message’s MAC.`));
    const receipt = { NB_RETURN_STAMP: 'S', NB_RETURN_DB_AMOUNT: 'A', NB_RETURN_DB_CUR: 'C', NB_RETURN_DB_REF: 'F', NB_PAID: 'P', NB_KVV: 'K' };
    const ctx = contextOf('payDirectReturn', receipt);
    expect(extraField.shapes(ctx).shapes.map((s) => shapeString(s, ctx.values))).to.deep.equal([
      'K&S&A&C&F&P',
      'S&K&A&C&F&P',
      'S&A&K&C&F&P',
      'S&A&C&K&F&P',
      'S&A&C&F&K&P',
      'S&A&C&F&P&K',
      'S&A&C&F&P&K', // the whole form; without NB_KVV it is the signed string itself, not tried
    ]);
  });

  it('a page’s other inputs: NB_ fields first, at most eight extras tried, the rest listed as left out; other inputs do not pair', () => {
    const fields: Record<string, string> = { NB_RCV_ID: 'R', NB_STAMP: 'S' };
    for (let i = 0; i < 9; i++) fields[`input_${i}`] = `v${i}`;
    fields.nb_lang = 'sv';
    const ctx = contextOf('paymentCheck', fields);
    const { shapes, leftOut } = extraField.shapes(ctx);
    expect(leftOut).to.deep.equal(['input_6', 'input_7', 'input_8']);
    const tried = shapes.filter((_, k) => k % 3 === 0 && k < 24).map((s) => s.say().en.split(' ')[0]);
    expect(tried).to.deep.equal(['NB_VERSION', 'nb_lang', 'input_0', 'input_1', 'input_2', 'input_3', 'input_4', 'input_5']);
    expect(shapes.slice(0, 24).map((s) => s.pairable)).to.deep.equal([...Array<string>(6).fill('all'), ...Array<string>(18).fill('none')]);
    // Eight extras at three places each, then the whole form (no NB_KVV: once).
    expect(shapes).to.have.length(25);
  });
});

describe('extra-field: which fields are likely extras', () => {
  it('NB_ at the start of a name only; a name given twice is tried with its first value', () => {
    const ctx = contextOf('paymentCheck', [
      { name: 'NB_RCV_ID', value: 'R' },
      { name: 'NB_STAMP', value: 'S' },
      { name: 'x_NB_y', value: 'X' },
      { name: 'NB_RETURN', value: 'U1' },
      { name: 'NB_RETURN', value: 'U2' },
    ]);
    const { shapes } = extraField.shapes(ctx);
    expect(shapes.map((s) => [s.pairable, shapeString(s, ctx.values)])).to.deep.equal([
      ['all', '0002&R&S'],
      ['all', 'R&0002&S'],
      ['all', 'R&S&0002'],
      ['all', 'U1&R&S'],
      ['all', 'R&U1&S'],
      ['all', 'R&S&U1'],
      ['none', 'X&R&S'],
      ['none', 'R&X&S'],
      ['none', 'R&S&X'],
      ['none', 'R&S&X&U1&U2'],
    ]);
  });
});

describe('extra-field: the form’s own NB_VERSION', () => {
  it('is tried with its value (an old 0001 too) in the form’s order, not as 0002 first', () => {
    const ctx = contextOf('paymentCheck', [
      { name: 'NB_RETURN', value: 'U' },
      { name: 'NB_VERSION', value: '0001' },
      { name: 'NB_RCV_ID', value: 'R' },
      { name: 'NB_STAMP', value: 'S' },
    ]);
    expect(extraField.shapes(ctx).shapes.map((s) => shapeString(s, ctx.values))).to.deep.equal(['U&R&S', 'R&U&S', 'R&S&U', '0001&R&S', 'R&0001&S', 'R&S&0001', 'U&0001&R&S']);
  });
});

describe('separator: other ways to join the values', () => {
  it('every separator, a leading or trailing "&", and NAME=value pairs', () => {
    const ctx = contextOf('paymentCheck', { NB_RCV_ID: 'R', NB_STAMP: 'S' });
    const shapes = separator.shapes(ctx).shapes;
    expect(shapes.map(shapeRow(ctx))).to.deep.equal(
      [
        ['all', 'RS'],
        ['all', 'R|S'],
        ['all', 'R;S'],
        ['all', 'R,S'],
        ['all', 'R:S'],
        ['all', 'R S'],
        ['all', 'R\tS'],
        ['all', 'R\nS'],
        ['all', 'R\r\nS'],
        ['all', 'R+S'],
        ['all', 'R&&S'],
        ['all', 'R&amp;S'],
        ['all', 'R&S&'],
        ['all', '&R&S'],
        ['tweaks', 'NB_RCV_ID=R&NB_STAMP=S'],
      ].map(([pairable, string]) => ({ cause: 'separator', step: 'join', pairable, string })),
    );
    expect(shapes.map((s) => s.say().en)).to.deep.equal([
      'The values were joined by nothing instead of "&".',
      'The values were joined by "|" instead of "&".',
      'The values were joined by ";" instead of "&".',
      'The values were joined by "," instead of "&".',
      'The values were joined by ":" instead of "&".',
      'The values were joined by a space instead of "&".',
      'The values were joined by a tab instead of "&".',
      'The values were joined by a line break instead of "&".',
      'The values were joined by CR LF line breaks instead of "&".',
      'The values were joined by "+" instead of "&".',
      'The values were joined by "&&" instead of "&".',
      'The values were joined by "&amp;" (the HTML-escaped &) instead of "&".',
      'The string was signed with a trailing "&".',
      'The string was signed with a leading "&".',
      'The fields were signed as NAME=value pairs (a query string); only the values are signed, joined by "&".',
    ]);
    expect([shapes[1]!, shapes[12]!, shapes[14]!].map((s) => s.say().sv)).to.deep.equal([
      'Värdena sammanfogades med ”|” i stället för ”&”.',
      'Strängen signerades med ett avslutande ”&”.',
      'Fälten signerades som NAMN=värde-par (en query string); bara värdena signeras, sammanfogade med ”&”.',
    ]);
  });
});

describe('other-kind: the MAC string of another message kind from the same fields', () => {
  it('a pay direct form also forms a payment check', () => {
    const ctx = contextOf('payDirect', EXAMPLE_FORM);
    const shapes = otherKind.shapes(ctx).shapes;
    expect(shapes.map(shapeRow(ctx))).to.deep.equal([{ cause: 'other-kind', step: 'join', pairable: 'none', string: '999999&00002' }]);
    expect(shapes[0]!.say()).to.deep.equal({
      en: 'This is the MAC of another message, Payment check: shop → bank (NB_RCV_ID, NB_STAMP), not of Pay direct: shop → bank.',
      sv: 'Detta är MAC för ett annat meddelande, Betalningskontroll: butik → bank (NB_RCV_ID, NB_STAMP), inte för Betala direkt: butik → bank.',
    });
  });

  it('reads an answer’s NB_RETURN_ fields as a request’s and back, a field given under both names keeping its own value', () => {
    const receipt = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'S', NB_RETURN_DB_AMOUNT: 'A', NB_RETURN_DB_CUR: 'C', NB_RETURN_DB_REF: 'F', NB_PAID: 'P', NB_RCV_ID: 'R' };
    const ctx = contextOf('payDirectReturn', receipt);
    expect(otherKind.shapes(ctx).shapes.map((s) => shapeString(s, ctx.values))).to.deep.equal(['R&S&A&C&F', 'R&S', 'YES&S&A&C&F&P']);
    const request = contextOf('paymentCheck', { NB_RCV_ID: 'R', NB_STAMP: 'S', NB_RETURN_STAMP: 'X', NB_VERIFIED: 'NO' });
    expect(otherKind.shapes(request).shapes.map((s) => shapeString(s, request.values))).to.deep.equal(['NO&X']);
  });

  it('leaves out a kind whose string is the message’s own, and a kind that signs nothing (ERR)', () => {
    // The repayment's string R&S&x&x&x&x&x is this pay direct's string too: not another explanation.
    const fields = { NB_RCV_ID: 'R', NB_STAMP: 'S', NB_DB_AMOUNT: 'x&x', NB_DB_CUR: 'x', NB_DB_REF: 'x', NB_PAID: 'x', NB_REPAY_AMOUNT: 'x', NB_REPAY_CUR: 'x', NB_VERIFIED: 'ERR' };
    const ctx = contextOf('payDirect', fields);
    expect(otherKind.shapes(ctx).shapes.map((s) => shapeString(s, ctx.values))).to.deep.equal(['S&x&x&x&x&x', 'R&S']);
  });
});
