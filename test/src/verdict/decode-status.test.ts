import { expect } from '@esm-bundle/chai';
import { TEST_KEY, TEST_KVV, verifyMessage } from '../../../src/index.ts';
import { explainStatus, outcomeWords } from '../../../src/verdict/decode.ts';
import { signedReceipt } from '../../support/receipt.ts';
import { webMac } from '../../support/webcrypto.ts';

/** The status of a message in words (`explainStatus`), each branch asserted whole in both languages. */

const explain = (fields: Record<string, string>, key: string | null = TEST_KEY) => explainStatus(fields, verifyMessage(fields, key));
const NOT_PROVEN = {
  en: 'The MAC does not verify, so whatever this message says is not proven: it may be forged, altered, or checked with the wrong key or encoding. Do not act on it.',
  sv: 'MAC:en stämmer inte, så inget i meddelandet är bevisat: det kan vara förfalskat eller ändrat, eller kontrollerat med fel nyckel eller teckenkodning. Lita inte på det.',
};
const NOT_CHECKED = {
  en: 'The MAC was not checked (no key or an incomplete message): what it says is not proven yet.',
  sv: 'MAC:en har inte kontrollerats (ingen nyckel, eller meddelandet är ofullständigt): det som står i meddelandet är ännu inte bevisat.',
};
const HAS_ERRORS = {
  en: 'The MAC verifies, but the message has an error (see its verdict), so it is not complete: do not act on it until that is put right.',
  sv: 'MAC:en stämmer, men meddelandet har ett fel (se bedömningen), så det är inte fullständigt: lita inte på det och leverera inte förrän felet är rättat.',
};
const says = (trust: { en: string; sv: string }, headline: { en: string; sv: string }) => ({ en: `${trust.en} The message says: ${headline.en}`, sv: `${trust.sv} Meddelandet säger: ${headline.sv}` });

describe('explainStatus: a pay direct receipt', () => {
  const paid = {
    en: "Paid: the bank's receipt for stamp 00002, 550,00\u00a0SEK, confirmation NB_PAID 20261123101500123456",
    sv: 'Betald: bankens kvitto för betalnings-ID 00002, 550,00\u00a0SEK, bekräftelse NB_PAID 20261123101500123456',
  };

  it('verified: paid, ok, with the amount, the trimmed currency and NB_PAID', async () => {
    expect(explain(await signedReceipt(TEST_KEY))).to.deep.equal({ level: 'ok', headline: paid, details: [] });
  });

  it('a MAC that does not verify, is malformed or is missing: not proven, an error', async () => {
    const receipt = await signedReceipt(TEST_KEY);
    const expected = { level: 'error', headline: says(NOT_PROVEN, paid), details: [] };
    expect(explain({ ...receipt, NB_HMAC: 'A'.repeat(32) })).to.deep.equal(expected);
    expect(explain({ ...receipt, NB_HMAC: 'XYZ' })).to.deep.equal(expected);
    const { NB_HMAC: _, ...missing } = receipt;
    expect(explain(missing)).to.deep.equal(expected);
  });

  it('not checked (no key, or a key that is not valid): a warning that it is not proven yet', async () => {
    const receipt = await signedReceipt(TEST_KEY);
    const expected = { level: 'warning', headline: says(NOT_CHECKED, paid), details: [] };
    expect(explain(receipt, null)).to.deep.equal(expected);
    expect(explain(receipt, 'zz')).to.deep.equal(expected);
  });

  it('verified with an error in its verdict (no NB_KVV): not to be acted on', async () => {
    const { NB_KVV: _, ...receipt } = await signedReceipt(TEST_KEY);
    expect(explain(receipt)).to.deep.equal({ level: 'error', headline: says(HAS_ERRORS, paid), details: [] });
  });

  it('verified with only a warning or a note stays ok', async () => {
    const receipt = await signedReceipt(TEST_KEY);
    const v = verifyMessage({ ...receipt, NB_HMAC: receipt.NB_HMAC!.toLowerCase() }, TEST_KEY);
    expect([v.verified, v.verdict]).to.deep.equal([true, 'ok']);
    expect(explainStatus(receipt, v).level).to.equal('ok');
  });

  it('without amount, currency or NB_PAID: the gaps are empty, not "undefined"', () => {
    const v = verifyMessage({ NB_RETURN_STAMP: '7', NB_RETURN_DB_REF: '1' }, TEST_KEY, { kind: 'payDirectReturn' });
    expect(v.outcome).to.equal('incomplete');
    expect(explainStatus({ NB_RETURN_STAMP: '7' }, v).headline).to.deep.equal(
      says(NOT_CHECKED, { en: "Paid: the bank's receipt for stamp 7, \u00a0, confirmation NB_PAID ", sv: 'Betald: bankens kvitto för betalnings-ID 7, \u00a0, bekräftelse NB_PAID ' }),
    );
  });
});

describe('explainStatus: a payment check answer', () => {
  it('YES with amount and NB_PAID: paid, with both; without them: just paid', async () => {
    const full = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '7', NB_RETURN_DB_AMOUNT: '10,00', NB_RETURN_DB_CUR: ' SEK', NB_PAID: '20261123101500123456' };
    expect(explain({ ...full, NB_HMAC: await webMac(TEST_KEY, 'YES&7&10,00& SEK&20261123101500123456'), NB_KVV: TEST_KVV })).to.deep.equal({
      level: 'ok',
      headline: {
        en: 'YES: stamp 7 is paid, 10,00\u00a0SEK, confirmation NB_PAID 20261123101500123456',
        sv: 'YES: betalningen med betalnings-ID 7 är betald, 10,00\u00a0SEK, bekräftelse NB_PAID 20261123101500123456',
      },
      details: [],
    });
    const bare = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '7' };
    expect(explain({ ...bare, NB_HMAC: await webMac(TEST_KEY, 'YES&7'), NB_KVV: TEST_KVV }, null)).to.deep.equal({
      level: 'warning',
      headline: says(NOT_CHECKED, { en: 'YES: stamp 7 is paid', sv: 'YES: betalningen med betalnings-ID 7 är betald' }),
      details: [],
    });
    // An amount without a currency.
    const noCur = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '7', NB_RETURN_DB_AMOUNT: '10,00' };
    expect(explain(noCur, null).headline.en).to.equal(`${NOT_CHECKED.en} The message says: YES: stamp 7 is paid, 10,00\u00a0`);
  });

  it('NO: a warning not to deliver; with the bank’s error description as a detail', async () => {
    const no = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: '7', NB_ERROR_DESCR: 'Ingen' };
    const headline = {
      en: 'NO: the bank has no payment with stamp 7 — do not deliver; the buyer may not have finished paying',
      sv: 'NO: banken har ingen betalning med betalnings-ID 7 — leverera inte; köparen har kanske inte betalat klart',
    };
    const details = [{ en: 'Error description from the bank: "Ingen"', sv: 'Felbeskrivning från banken: ”Ingen”' }];
    expect(explain({ ...no, NB_HMAC: await webMac(TEST_KEY, 'NO&7'), NB_KVV: TEST_KVV })).to.deep.equal({ level: 'warning', headline, details, errorDescription: 'Ingen' });
    expect(explain({ ...no, NB_HMAC: 'A'.repeat(32), NB_KVV: TEST_KVV })).to.deep.equal({ level: 'error', headline: says(NOT_PROVEN, headline), details, errorDescription: 'Ingen' });
  });

  it('ERR: unknown, proves nothing, with the handbook example’s NB_ERR_DESCR', () => {
    expect(explain({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '7', NB_ERR_DESCR: 'Tekniskt fel' })).to.deep.equal({
      level: 'unknown',
      headline: {
        en: 'ERR: the bank could not answer. ERR carries no MAC by design, so it proves nothing — treat the payment as unknown and check again later.',
        sv: 'ERR: banken kunde inte svara. ERR har avsiktligt ingen MAC, så det bevisar ingenting — räkna med att betalningens status är okänd och gör en ny betalningskontroll senare.',
      },
      details: [{ en: 'Error description from the bank: "Tekniskt fel"', sv: 'Felbeskrivning från banken: ”Tekniskt fel”' }],
      errorDescription: 'Tekniskt fel',
    });
    expect(explain({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '7' })).to.not.have.property('errorDescription');
  });
});

describe('explainStatus: a repayment answer, a request, nothing', () => {
  const repaid = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '7', NB_RETURN_DB_REF: '1', NB_RETURN_REPAY_AMOUNT: '1,00', NB_RETURN_REPAY_CUR: ' EUR' };
  const newPaid = {
    en: 'New NB_PAID 20261124090000000001: it identifies this repayment from now on — use it, not the old one, for any further repayment of this payment',
    sv: 'Nytt NB_PAID 20261124090000000001: det identifierar återbetalningen från och med nu — använd det, inte det gamla, om du återbetalar mer av betalningen',
  };

  it('YES with only a rate of the exchange fields: the others are dashes', async () => {
    const fields = { ...repaid, NB_RATE: '10,75', NB_PAID: '20261124090000000001' };
    const e = explain({ ...fields, NB_HMAC: await webMac(TEST_KEY, 'YES&7&1&1,00& EUR&10,75&20261124090000000001'), NB_KVV: TEST_KVV });
    expect(e).to.deep.equal({
      level: 'ok',
      headline: { en: 'YES: repaid 1,00 EUR for stamp 7', sv: 'YES: 1,00 EUR återbetalt för betalnings-ID 7' },
      details: [
        newPaid,
        {
          en: "Currency was exchanged: — — withdrawn from the shop's account on —, on the buyer's account on —, rate 10,75",
          sv: 'Valutan växlades: — — dras från butikens konto — och finns på köparens konto —, avropskurs 10,75',
        },
      ],
      newPaid: '20261124090000000001',
      exchange: [{ name: 'NB_RATE', value: '10,75' }],
    });
  });

  it('YES with every exchange field, an empty one left out', async () => {
    const fields = {
      ...repaid,
      NB_WITHDRAWAL_AMOUNT: '12,90',
      NB_WITHDRAWAL_CUR: 'SEK',
      NB_WITHDRAWAL_DATE: '',
      NB_DEPOSIT_DATE: '2026-11-26',
      NB_RATE: '10,75',
      NB_PAID: '20261124090000000001',
      NB_ERROR_DESCR: 'x',
    };
    const e = explain(fields, null);
    expect(e.exchange).to.deep.equal([
      { name: 'NB_WITHDRAWAL_AMOUNT', value: '12,90' },
      { name: 'NB_WITHDRAWAL_CUR', value: 'SEK' },
      { name: 'NB_DEPOSIT_DATE', value: '2026-11-26' },
      { name: 'NB_RATE', value: '10,75' },
    ]);
    expect(e.details).to.deep.equal([
      { en: 'Error description from the bank: "x"', sv: 'Felbeskrivning från banken: ”x”' },
      newPaid,
      {
        en: "Currency was exchanged: 12,90 SEK withdrawn from the shop's account on —, on the buyer's account on 2026-11-26, rate 10,75",
        sv: 'Valutan växlades: 12,90 SEK dras från butikens konto — och finns på köparens konto 2026-11-26, avropskurs 10,75',
      },
    ]);
    expect([e.level, e.errorDescription, e.newPaid]).to.deep.equal(['warning', 'x', '20261124090000000001']);
  });

  it('YES without the exchange or NB_PAID: no exchange, an empty new NB_PAID', () => {
    const e = explain(repaid, null);
    expect(e).to.deep.equal({
      level: 'warning',
      headline: says(NOT_CHECKED, { en: 'YES: repaid 1,00 EUR for stamp 7', sv: 'YES: 1,00 EUR återbetalt för betalnings-ID 7' }),
      details: [
        {
          en: 'New NB_PAID : it identifies this repayment from now on — use it, not the old one, for any further repayment of this payment',
          sv: 'Nytt NB_PAID : det identifierar återbetalningen från och med nu — använd det, inte det gamla, om du återbetalar mer av betalningen',
        },
      ],
      newPaid: '',
    });
    const fields = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '7', NB_RETURN_DB_REF: '1', NB_PAID: '1' };
    const bare = explainStatus(fields, verifyMessage(fields, null, { kind: 'repaymentResponse' }));
    expect(bare.headline.en).to.equal(`${NOT_CHECKED.en} The message says: YES: repaid   for stamp 7`);
  });

  it('ERR of a repayment names the repayment', () => {
    expect(explain({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '7', NB_RETURN_DB_REF: '1', NB_RETURN_REPAY_AMOUNT: '1,00', NB_RETURN_REPAY_CUR: 'SEK', NB_PAID: '' }).headline).to.deep.equal({
      en: 'ERR: the bank could not answer the repayment. ERR carries no MAC by design, so it proves nothing — treat the repayment as unknown and check again later.',
      sv: 'ERR: banken kunde inte svara på återbetalningen. ERR har avsiktligt ingen MAC, så det bevisar ingenting — räkna med att återbetalningens status är okänd och gör en ny betalningskontroll senare.',
    });
  });

  it('a request is the order; nothing known is nothing to act on', () => {
    expect(explain({ NB_VERSION: '0002', NB_RCV_ID: '1', NB_STAMP: '2' })).to.deep.equal({
      level: 'ok',
      headline: {
        en: 'A request from the shop (Payment check: shop → bank), not an answer from the bank; answers with its stamp are cross-checked against it',
        sv: 'En förfrågan från butiken (Betalningskontroll: butik → bank), inte ett svar från banken; svar med samma betalnings-ID kontrolleras mot den',
      },
      details: [],
    });
    expect(explain({ order: '1' })).to.deep.equal({
      level: 'unknown',
      headline: {
        en: 'Not a message of E-betalning: nothing to act on. A cancel/reject return carries no fields and proves nothing.',
        sv: 'Det här är inget E-betalningsmeddelande; det finns inget att göra. En retur via avbryt/avvisa har inga fält och bevisar ingenting.',
      },
      details: [],
    });
  });
});

describe('outcomeWords', () => {
  it('names every outcome of a MAC check in both languages', () => {
    const outcomes = ['verified', 'mismatch', 'missing-mac', 'malformed-mac', 'unsigned', 'no-key', 'bad-key', 'incomplete', 'unknown-kind'] as const;
    expect(Object.fromEntries(outcomes.map((o) => [o, outcomeWords(o)]))).to.deep.equal({
      verified: { en: 'verified', sv: 'stämmer' },
      mismatch: { en: 'DOES NOT MATCH', sv: 'STÄMMER INTE' },
      'missing-mac': { en: 'missing', sv: 'saknas' },
      'malformed-mac': { en: 'malformed', sv: 'felformaterad' },
      unsigned: { en: 'none by design (ERR)', sv: 'ingen, avsiktligt (ERR)' },
      'no-key': { en: 'not checked: no key', sv: 'inte kontrollerad: ingen nyckel' },
      'bad-key': { en: 'not checked: the key is not valid', sv: 'inte kontrollerad: nyckeln är ogiltig' },
      incomplete: { en: 'not checked: the message is incomplete', sv: 'inte kontrollerad: meddelandet är ofullständigt' },
      'unknown-kind': { en: 'not checked: unknown message', sv: 'inte kontrollerad: okänt meddelande' },
    });
  });
});
