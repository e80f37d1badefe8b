import { expect } from '@esm-bundle/chai';
import { decodeMessages, splitMessages, TEST_KEY } from '../../../src/index.ts';
import { supportSummary } from '../../../src/verdict/decode.ts';
import { A_RING_RECEIPT, A_RING_STRING, answerPage } from '../../support/receipt.ts';
import { latin1, webMac } from '../../support/webcrypto.ts';


const LATIN1_META = '<meta charset="iso-8859-1">';
const decodeOne = (paste: string) => decodeMessages(splitMessages(paste), TEST_KEY).messages[0]!;

describe('decodeMessages: the charset a pasted page declares', () => {
  it('checks a page with <meta charset="iso-8859-1"> in ISO-8859-1 over the chosen UTF-8, and says so in the doctor’s words', async () => {
    const mac = await webMac(TEST_KEY, latin1(A_RING_STRING));
    const m = decodeOne(answerPage({ ...A_RING_RECEIPT, NB_HMAC: mac }, LATIN1_META));
    expect(m.verification.outcome).to.equal('verified');
    expect(m.verification.encoding).to.equal('iso-8859-1');
    expect(m.charset).to.deep.include({ encoding: 'iso-8859-1', source: 'meta' });
    expect(m.charset!.words.en).to.equal('The MAC was checked in ISO-8859-1 (Latin-1) (declared by the page’s <meta charset>).');
    expect(m.charset!.words.sv).to.equal('MAC:en kontrollerades i ISO-8859-1 (Latin-1) (angiven i sidans <meta charset>).');
    const summary = supportSummary(decodeMessages(splitMessages(answerPage({ ...A_RING_RECEIPT, NB_HMAC: mac }, LATIN1_META)), TEST_KEY));
    expect(summary.en).to.contain('  The MAC was checked in ISO-8859-1 (Latin-1) (declared by the page’s <meta charset>).\n  Signed string (ISO-8859-1 (Latin-1))');
    expect(summary.sv).to.contain('MAC:en kontrollerades i ISO-8859-1 (Latin-1) (angiven i sidans <meta charset>).');
  });

  it('checks the same page without the declaration in the chosen encoding: the doctor then names the encoding', async () => {
    const mac = await webMac(TEST_KEY, latin1(A_RING_STRING));
    const m = decodeOne(answerPage({ ...A_RING_RECEIPT, NB_HMAC: mac }, ''));
    expect(m.charset).to.equal(null);
    expect(m.verification.encoding).to.equal('utf-8');
    expect(m.verification.outcome).to.equal('mismatch');
    expect(m.verdict.doctor!.status).to.equal('explained');
    expect(m.verdict.doctor!.causes).to.deep.equal(['encoding']);
  });

  it('a page that declares ISO-8859-1 but was signed in UTF-8: checked in ISO-8859-1, and the doctor finds the other encoding', async () => {
    const mac = await webMac(TEST_KEY, A_RING_STRING);
    const m = decodeOne(answerPage({ ...A_RING_RECEIPT, NB_HMAC: mac }, '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'));
    expect(m.charset).to.deep.include({ encoding: 'iso-8859-1', source: 'meta' });
    expect(m.verification.outcome).to.equal('mismatch');
    expect(m.verification.encoding).to.equal('iso-8859-1');
    expect(m.verdict.doctor!.causes).to.deep.equal(['encoding']);
    expect(m.verdict.doctor!.explanation!.en).to.contain('UTF-8');
  });

  it('names the declared charset when nothing explains the MAC, as the session view does', () => {
    const m = decodeOne(answerPage({ ...A_RING_RECEIPT, NB_HMAC: '0123456789ABCDEF0123456789ABCDEF' }, LATIN1_META));
    expect(m.verdict.doctor!.status).to.equal('unexplained');
    expect(m.verdict.doctor!.explanation!.en).to.match(/^The MAC does not verify in ISO-8859-1 \(Latin-1\) \(declared by the page’s <meta charset>\) and none of the [\d,]+ candidates/);
    expect(m.verdict.doctor!.explanation!.sv).to.match(/^MAC:en stämmer inte i ISO-8859-1 \(Latin-1\) \(angiven i sidans <meta charset>\), och ingen av de/);
  });

  it('checks a body whose percent-escapes are ISO-8859-1 (%C5 for Å) in ISO-8859-1, naming the escapes', async () => {
    const mac = await webMac(TEST_KEY, latin1(A_RING_STRING));
    const body = `NB_RETURN_STAMP=%C5sa&NB_RETURN_DB_AMOUNT=550%2C00&NB_RETURN_DB_CUR=+SEK&NB_RETURN_DB_REF=123450&NB_PAID=20261123101500123456&NB_HMAC=${mac}`;
    const m = decodeOne(body);
    expect(m.charset).to.deep.include({ encoding: 'iso-8859-1', source: 'latin1-escapes' });
    expect(m.verification.outcome).to.equal('verified');
    expect(m.charset!.words.en).to.equal('The MAC was checked in ISO-8859-1 (Latin-1) (declared by its percent-escapes, which are ISO-8859-1).');
  });

  it('gives each of several pages its own charset', async () => {
    const latin = answerPage({ ...A_RING_RECEIPT, NB_HMAC: await webMac(TEST_KEY, latin1(A_RING_STRING)) }, LATIN1_META);
    const utf8 = answerPage({ ...A_RING_RECEIPT, NB_HMAC: await webMac(TEST_KEY, A_RING_STRING) }, '<meta charset="utf-8">');
    const { messages } = decodeMessages(splitMessages(`${latin}\n${utf8}`), TEST_KEY, { encoding: 'iso-8859-1' });
    expect(messages.map((m) => [m.charset?.encoding, m.verification.encoding, m.verification.outcome])).to.deep.equal([
      ['iso-8859-1', 'iso-8859-1', 'verified'],
      ['utf-8', 'utf-8', 'verified'],
    ]);
  });
});
