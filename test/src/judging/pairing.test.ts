import { expect } from '@esm-bundle/chai';
import { crossCheck, findOrder, pairMessages, REQUEST_OF, stampKey, stampOf, type PairInput } from '../../../src/judging/pairing.ts';

/** The rules of pairing, each on its own: which kinds pair, how stamps compare, one delivery seen twice, an answer against its order. */

const REQUEST = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'S1', NB_DB_AMOUNT: '550,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };
const RECEIPT = { NB_RETURN_STAMP: 'S1', NB_RETURN_DB_AMOUNT: '550,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '20261123101500123456', NB_HMAC: 'A'.repeat(32), NB_KVV: 'B'.repeat(32) };
const CHECK = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'S1' };
const CHECK_ANSWER = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: 'S1', NB_HMAC: 'C'.repeat(32), NB_KVV: 'B'.repeat(32) };

describe('pairing: stamps as messages are paired by them', () => {
  it('stampKey drops the spaces around a stamp and its case, nothing else', () => {
    expect(stampKey('  ab 1c\t')).to.equal('AB 1C');
    expect(stampKey('S1')).to.equal('S1');
  });

  it('stampOf reads NB_STAMP of a request and NB_RETURN_STAMP of an answer, as written, and null when absent', () => {
    expect(stampOf('payDirect', { ...REQUEST, NB_STAMP: ' s1 ', NB_RETURN_STAMP: 'X' })).to.equal(' s1 ');
    expect(stampOf('payDirectReturn', { ...RECEIPT, NB_STAMP: 'X', NB_RETURN_STAMP: ' s2' })).to.equal(' s2');
    expect(stampOf('paymentCheck', { NB_RETURN_STAMP: 'S1' })).to.equal(null);
    expect(stampOf('repaymentResponse', { NB_STAMP: 'S1' })).to.equal(null);
  });

  it('REQUEST_OF names the request of each answer, and no request answers another', () => {
    expect(REQUEST_OF).to.deep.equal({ payDirectReturn: 'payDirect', paymentCheckResponse: 'paymentCheck', repaymentResponse: 'repayment' });
  });
});

describe('pairMessages: which messages pair', () => {
  it('a request pairs with the first later answer of its own kind; an earlier answer and a second answer stay unpaired', () => {
    const p = pairMessages([
      { kind: 'payDirectReturn', fields: RECEIPT },
      { kind: 'payDirect', fields: REQUEST },
      { kind: 'payDirectReturn', fields: RECEIPT },
      { kind: 'payDirectReturn', fields: RECEIPT },
    ]);
    expect(p).to.deep.equal({ pairs: [null, 2, 1, null], delivery: [0, 1, 2, 3], stamps: [{ stamp: 'S1', messages: [0, 1, 2, 3] }] });
  });

  it('a later request of the same kind and stamp is the one its answer pairs with', () => {
    const p = pairMessages([
      { kind: 'payDirect', fields: REQUEST },
      { kind: 'payDirect', fields: REQUEST },
      { kind: 'payDirectReturn', fields: RECEIPT },
    ]);
    expect(p.pairs).to.deep.equal([null, 2, 1]);
  });

  it('a message of unknown kind, or without a stamp, is never paired nor in a timeline', () => {
    const p = pairMessages([
      { kind: null, fields: REQUEST },
      { kind: 'payDirect', fields: Object.fromEntries(Object.entries(REQUEST).filter(([n]) => n !== 'NB_STAMP')) },
      { kind: 'paymentCheck', fields: { NB_VERSION: '0002', NB_RCV_ID: '999999' } },
      { kind: 'payDirectReturn', fields: RECEIPT },
    ]);
    expect(p).to.deep.equal({ pairs: [null, null, null, null], delivery: [0, 1, 2, 3], stamps: [{ stamp: 'S1', messages: [3] }] });
  });

  it('stamps differing in case or spaces are one timeline, named by the stamp first written (trimmed); others are another', () => {
    const p = pairMessages([
      { kind: 'paymentCheck', fields: { ...CHECK, NB_STAMP: ' s1 ' } },
      { kind: 'paymentCheckResponse', fields: { ...CHECK_ANSWER, NB_RETURN_STAMP: 'S1' } },
      { kind: 'paymentCheck', fields: { ...CHECK, NB_STAMP: 'S2' } },
      { kind: 'paymentCheckResponse', fields: { ...CHECK_ANSWER, NB_RETURN_STAMP: 'S1 S2' } },
    ]);
    expect(p).to.deep.equal({
      pairs: [1, 0, null, null],
      delivery: [0, 1, 2, 3],
      stamps: [
        { stamp: 's1', messages: [0, 1] },
        { stamp: 'S2', messages: [2] },
        { stamp: 'S1 S2', messages: [3] },
      ],
    });
  });

  it('a repayment answer pairs with the repayment, not with the pay direct request nor the payment check of its stamp', () => {
    const repayment = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'S1', NB_DB_REF: '123450', NB_PAID: '1', NB_REPAY_AMOUNT: '1,00', NB_REPAY_CUR: 'SEK' };
    const answer = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'S1', NB_RETURN_DB_REF: '123450', NB_RETURN_REPAY_AMOUNT: '1,00', NB_RETURN_REPAY_CUR: 'SEK', NB_PAID: '2' };
    const p = pairMessages([
      { kind: 'payDirect', fields: REQUEST },
      { kind: 'paymentCheck', fields: CHECK },
      { kind: 'repaymentResponse', fields: answer },
      { kind: 'repayment', fields: repayment },
      { kind: 'repaymentResponse', fields: answer },
    ]);
    expect(p.pairs).to.deep.equal([null, null, null, 4, 3]);
  });
});

describe('pairMessages: the bank’s answer page and the browser’s POST of that form are one delivery', () => {
  const at = (part: 'query' | 'request' | 'response') => ({ part });

  it('the POST (request body or query string) of an answer page is that page’s delivery, paired with the same request', () => {
    const list: PairInput[] = [
      { kind: 'payDirect', fields: REQUEST, source: at('request') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('response') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('request') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('response') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('query') },
    ];
    expect(pairMessages(list)).to.deep.equal({ pairs: [1, 0, 0, null, null], delivery: [0, 1, 1, 3, 3], stamps: [{ stamp: 'S1', messages: [0, 1, 2, 3, 4] }] });
  });

  it('each page is posted once: a second POST of the same form is a delivery of its own', () => {
    const list: PairInput[] = [
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('response') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('request') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('request') },
    ];
    expect(pairMessages(list).delivery).to.deep.equal([0, 0, 2]);
  });

  it('of two waiting pages with the same MAC and stamp, the POST is the one with the very same fields', () => {
    const other = { ...RECEIPT, NB_PAID: '20261123101500999999' };
    const list: PairInput[] = [
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('response') },
      { kind: 'payDirectReturn', fields: other, source: at('response') },
      { kind: 'payDirectReturn', fields: other, source: at('request') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('request') },
    ];
    expect(pairMessages(list).delivery).to.deep.equal([0, 1, 1, 0]);
  });

  it('a POST whose fields differ from the page (one more, one less, another value, another MAC) is another delivery', () => {
    const posts = [{ ...RECEIPT, NB_EXTRA: 'x' }, Object.fromEntries(Object.entries(RECEIPT).filter(([n]) => n !== 'NB_KVV')), { ...RECEIPT, NB_RETURN_DB_REF: '123451' }, { ...RECEIPT, NB_HMAC: 'D'.repeat(32) }];
    for (const post of posts) {
      const list: PairInput[] = [
        { kind: 'payDirect', fields: REQUEST },
        { kind: 'payDirectReturn', fields: RECEIPT, source: at('response') },
        { kind: 'payDirectReturn', fields: post, source: at('request') },
      ];
      expect(pairMessages(list), JSON.stringify(post)).to.deep.include({ pairs: [1, 0, null], delivery: [0, 1, 2] });
    }
  });

  it('a page of another kind, or an answer with no part of a HAR entry, is no page to post', () => {
    const list: PairInput[] = [
      { kind: 'paymentCheckResponse', fields: CHECK_ANSWER, source: at('response') },
      { kind: 'payDirectReturn', fields: CHECK_ANSWER, source: at('request') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: {} },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('request') },
    ];
    expect(pairMessages(list).delivery).to.deep.equal([0, 1, 2, 3]);
  });

  it('a request read from a HAR response is no answer page', () => {
    const list: PairInput[] = [
      { kind: 'payDirect', fields: REQUEST, source: at('response') },
      { kind: 'payDirect', fields: REQUEST, source: at('request') },
      { kind: 'payDirectReturn', fields: RECEIPT, source: at('response') },
    ];
    expect(pairMessages(list)).to.deep.include({ pairs: [null, 2, 1], delivery: [0, 1, 2] });
  });

  it('a page without a stamp is still posted once (its delivery), and joins no timeline', () => {
    const { NB_RETURN_STAMP: _, ...page } = RECEIPT;
    const list: PairInput[] = [
      { kind: 'payDirectReturn', fields: page, source: at('response') },
      { kind: 'payDirectReturn', fields: page, source: at('request') },
    ];
    expect(pairMessages(list)).to.deep.equal({ pairs: [null, null], delivery: [0, 0], stamps: [] });
  });
});

describe('crossCheck: an answer against its order, field by field', () => {
  const row = (field: string, received: string, expected: string, result: 'same' | 'same-meaning' | 'different') => ({ field, orderField: field.replace('NB_RETURN_', 'NB_'), received, expected, result });

  it('the same value is same; an amount or currency written otherwise is same-meaning; another is different — in both languages', () => {
    const rows = crossCheck('payDirectReturn', { ...RECEIPT, NB_RETURN_DB_AMOUNT: '550.00', NB_RETURN_DB_CUR: ' SEK', NB_RETURN_DB_REF: '123451' }, REQUEST);
    expect(rows).to.deep.equal([
      { ...row('NB_RETURN_STAMP', 'S1', 'S1', 'same'), message: { en: "NB_RETURN_STAMP is the order's NB_STAMP", sv: 'NB_RETURN_STAMP är orderns NB_STAMP' } },
      {
        ...row('NB_RETURN_DB_AMOUNT', '550.00', '550,00', 'same-meaning'),
        message: {
          en: 'NB_RETURN_DB_AMOUNT "550.00" means the same as the order\'s "550,00"; it is written differently, and the MAC uses "550.00" exactly as received',
          sv: 'NB_RETURN_DB_AMOUNT ”550.00” betyder samma sak som orderns ”550,00” men är skrivet på ett annat sätt; MAC:en beräknas på ”550.00” exakt som det togs emot',
        },
      },
      {
        ...row('NB_RETURN_DB_CUR', ' SEK', 'SEK', 'same-meaning'),
        message: {
          en: 'NB_RETURN_DB_CUR " SEK" means the same as the order\'s "SEK"; it is written differently, and the MAC uses " SEK" exactly as received',
          sv: 'NB_RETURN_DB_CUR ” SEK” betyder samma sak som orderns ”SEK” men är skrivet på ett annat sätt; MAC:en beräknas på ” SEK” exakt som det togs emot',
        },
      },
      {
        ...row('NB_RETURN_DB_REF', '123451', '123450', 'different'),
        code: 'echo-different',
        message: {
          en: 'NB_RETURN_DB_REF "123451" differs from the order’s NB_DB_REF "123450" so this answer is not for this order. Do not deliver on it',
          sv: 'NB_RETURN_DB_REF ”123451” skiljer sig från orderns NB_DB_REF ”123450” så svaret gäller inte den här ordern. Leverera inte på det',
        },
      },
    ]);
  });

  it('another amount or currency is different, with the words to not deliver', () => {
    const rows = crossCheck('payDirectReturn', { ...RECEIPT, NB_RETURN_DB_AMOUNT: '551,00', NB_RETURN_DB_CUR: 'EUR' }, REQUEST);
    expect(rows.slice(1, 3)).to.deep.equal([
      {
        ...row('NB_RETURN_DB_AMOUNT', '551,00', '550,00', 'different'),
        message: {
          en: 'NB_RETURN_DB_AMOUNT is "551,00" but the order\'s NB_DB_AMOUNT is "550,00": this answer is not for this order as given — do not deliver on it',
          sv: 'NB_RETURN_DB_AMOUNT är ”551,00” men orderns NB_DB_AMOUNT är ”550,00”: svaret gäller inte den här ordern — leverera inte',
        },
      },
      {
        ...row('NB_RETURN_DB_CUR', 'EUR', 'SEK', 'different'),
        message: {
          en: 'NB_RETURN_DB_CUR is "EUR" but the order\'s NB_DB_CUR is "SEK": this answer is not for this order as given — do not deliver on it',
          sv: 'NB_RETURN_DB_CUR är ”EUR” men orderns NB_DB_CUR är ”SEK”: svaret gäller inte den här ordern — leverera inte',
        },
      },
    ]);
  });

  it('a stamp differing in case or spaces is different, with the policy’s code; an amount differing in spaces is compared by meaning', () => {
    const rows = crossCheck('payDirectReturn', { ...RECEIPT, NB_RETURN_STAMP: 's1', NB_RETURN_DB_AMOUNT: ' 550,00', NB_RETURN_DB_REF: '123450 ' }, REQUEST);
    expect(rows.map((r) => [r.field, r.result, r.code])).to.deep.equal([
      ['NB_RETURN_STAMP', 'different', 'echo-case'],
      ['NB_RETURN_DB_AMOUNT', 'same-meaning', undefined],
      ['NB_RETURN_DB_CUR', 'same', undefined],
      ['NB_RETURN_DB_REF', 'different', 'echo-whitespace'],
    ]);
    expect(rows[0]!.message.en).to.equal('NB_RETURN_STAMP "s1" differs from the order’s NB_STAMP "S1" in case: the bank echoes the value as sent, so this is another value. Do not deliver on it');
    expect(Object.keys(rows[1]!)).to.deep.equal(['field', 'orderField', 'received', 'expected', 'result', 'message']);
  });

  it('compares only NB_RETURN_ fields both sides have and give a value', () => {
    const order = { NB_STAMP: 'S1', NB_DB_AMOUNT: '', NB_DB_REF: '123450' };
    expect(crossCheck('payDirectReturn', { ...RECEIPT, NB_RETURN_DB_REF: '' }, order)).to.deep.equal([
      { ...row('NB_RETURN_STAMP', 'S1', 'S1', 'same'), message: { en: "NB_RETURN_STAMP is the order's NB_STAMP", sv: 'NB_RETURN_STAMP är orderns NB_STAMP' } },
    ]);
    expect(crossCheck('paymentCheckResponse', { NB_VERIFIED: 'YES', NB_PAID: '1' }, REQUEST)).to.deep.equal([]);
    expect(crossCheck('repaymentResponse', { NB_RETURN_REPAY_AMOUNT: '1,00', NB_RETURN_REPAY_CUR: 'SEK' }, { NB_REPAY_AMOUNT: '1.00', NB_REPAY_CUR: 'EUR' }).map((r) => [r.field, r.orderField, r.result])).to.deep.equal([
      ['NB_RETURN_REPAY_AMOUNT', 'NB_REPAY_AMOUNT', 'same-meaning'],
      ['NB_RETURN_REPAY_CUR', 'NB_REPAY_CUR', 'different'],
    ]);
  });
});

describe('findOrder: the order an answer is checked against', () => {
  const payDirect = { ...REQUEST, NB_STAMP: 'AB12' };
  const check = { ...CHECK, NB_STAMP: 'ab12 ' };

  it('is the first order whose stamp is the answer’s under stampKey', () => {
    expect(findOrder({ NB_RETURN_STAMP: ' Ab12' }, [{ NB_DB_REF: '1' }, { NB_STAMP: 'AB1' }, payDirect, check])).to.equal(payDirect);
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [check, payDirect])).to.equal(check);
  });

  it('of the request kind the answer answers when one is there, else of any kind', () => {
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [payDirect, check], 'paymentCheckResponse')).to.equal(check);
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [check, payDirect], 'payDirectReturn')).to.equal(payDirect);
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [check, payDirect], 'repaymentResponse')).to.equal(check);
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [check, payDirect], 'payDirect')).to.equal(check);
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [check, payDirect], null)).to.equal(check);
  });

  it('is null for an answer without a stamp, or when no order has it', () => {
    expect(findOrder({ NB_STAMP: 'AB12' }, [payDirect])).to.equal(null);
    expect(findOrder({ NB_RETURN_STAMP: 'AB13' }, [payDirect, check])).to.equal(null);
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [])).to.equal(null);
  });
});
