// The policy's findings one by one: for each tolerance the exact code, level, field, words in both
// languages and suggestion, in both directions. Every tool shows these words, so they are asserted
// whole; the KVVs are WebCrypto's, not the core's.
import { expect } from '@esm-bundle/chai';
import { TEST_KEY, TEST_KVV } from '../../../src/index.ts';
import {
  amountGrouping,
  byLevel,
  compareEcho,
  currencySpace,
  hexWriting,
  kvvCheck,
  kvvMissing,
  macMismatch,
  macMissing,
  versionOld,
} from '../../../src/judging/policy.ts';
import { isHex32, readHex } from '../../../src/protocol/key.ts';
import { text } from '../../../src/protocol/text.ts';
import { hexToBytes, latin1, webMac } from '../../support/webcrypto.ts';

const MAC = '0123456789ABCDEF0123456789ABCDEF';
const OTHER_KEY = '00112233445566778899AABBCCDDEEFF';

describe('policy: how a MAC or KVV is written', () => {
  it('readHex removes every run of white space and names the case of the letters', () => {
    expect(readHex('')).to.deep.equal({ compact: '', case: 'none', spaced: false });
    expect(readHex('  \t ')).to.deep.equal({ compact: '', case: 'none', spaced: true });
    expect(readHex('0123 4567')).to.deep.equal({ compact: '01234567', case: 'upper', spaced: true });
    expect(readHex('0123  \n4567')).to.deep.equal({ compact: '01234567', case: 'upper', spaced: true });
    expect(readHex('AB12')).to.deep.equal({ compact: 'AB12', case: 'upper', spaced: false });
    expect(readHex('ab12')).to.deep.equal({ compact: 'ab12', case: 'lower', spaced: false });
    expect(readHex('aB12')).to.deep.equal({ compact: 'aB12', case: 'mixed', spaced: false });
    // Letters other than A–F do not make it lower case: only hex letters count.
    expect(readHex('12xy')).to.deep.equal({ compact: '12xy', case: 'upper', spaced: false });
  });

  it('isHex32 takes 32 hex characters in any case and grouping, and nothing longer or shorter', () => {
    expect(isHex32(MAC)).to.equal(true);
    expect(isHex32(MAC.toLowerCase())).to.equal(true);
    expect(isHex32(' 0123 4567 89AB CDEF 0123 4567 89AB CDEF ')).to.equal(true);
    expect(isHex32(`${MAC}0`)).to.equal(false);
    expect(isHex32(`0${MAC}`)).to.equal(false);
    expect(isHex32(MAC.slice(1))).to.equal(false);
    expect(isHex32(`${MAC.slice(1)}G`)).to.equal(false);
  });

  it('hexWriting says nothing for a value written as the bank writes it, or for what is not 32 hex characters', () => {
    expect(hexWriting('NB_HMAC', MAC, 'shopToBank')).to.deep.equal([]);
    expect(hexWriting('NB_HMAC', MAC.slice(2).toLowerCase(), 'shopToBank')).to.deep.equal([]);
    expect(hexWriting('NB_HMAC', `x${MAC.toLowerCase()}`, 'shopToBank')).to.deep.equal([]);
    expect(hexWriting('NB_HMAC', `${MAC.toLowerCase()}x`, 'shopToBank')).to.deep.equal([]);
  });

  it('hexWriting: spaces, in a request', () => {
    const value = '0123 4567 89AB CDEF 0123 4567 89AB CDEF';
    expect(hexWriting('NB_HMAC', value, 'shopToBank')).to.deep.equal([
      {
        code: 'hex-spacing',
        level: 'warning',
        field: 'NB_HMAC',
        message: text(
          `NB_HMAC is written with spaces ("${value}"); it was compared without them. The bank’s handling of spaces is unknown: send ${MAC}`,
          `NB_HMAC är skrivet med blanktecken (”${value}”); det jämfördes utan dem. Hur banken hanterar blanktecken är okänt: skicka ${MAC}`,
        ),
        suggestion: MAC,
      },
    ]);
  });

  it('hexWriting: lower case in a request, mixed case in an answer, with spaces too', () => {
    const lower = MAC.toLowerCase();
    expect(hexWriting('NB_KVV', lower, 'shopToBank')).to.deep.equal([
      {
        code: 'hex-case',
        level: 'warning',
        field: 'NB_KVV',
        message: text(
          `NB_KVV is in lower case; it was compared without regard to case. The bank writes upper case and whether it accepts lower case is unknown: send ${MAC}`,
          `NB_KVV är skrivet med gemener; det jämfördes utan hänsyn till skiftläge. Banken skriver versaler och om den godtar gemener är okänt: skicka ${MAC}`,
        ),
        suggestion: MAC,
      },
    ]);
    const mixed = ` ${MAC.slice(0, 16).toLowerCase()}${MAC.slice(16)}`;
    const found = hexWriting('NB_HMAC', mixed, 'bankToShop');
    expect(found.map((f) => [f.code, f.level, f.suggestion])).to.deep.equal([
      ['hex-spacing', 'warning', MAC],
      ['hex-case', 'info', MAC],
    ]);
    expect(found[1].message).to.deep.equal(
      text(
        'NB_HMAC is in mixed case; it was compared without regard to case. The bank writes upper case, so your side (log, parser) changed it; a shop that compares case-sensitively refuses it',
        'NB_HMAC är skrivet med blandade versaler och gemener; det jämfördes utan hänsyn till skiftläge. Banken skriver versaler, så värdet har ändrats hos dig (i loggen eller parsern); en butik som jämför skiftlägeskänsligt avvisar det',
      ),
    );
    expect(hexWriting('NB_HMAC', lower, 'bankToShop')[0].message.en).to.contain('is in lower case;');
    expect(hexWriting('NB_HMAC', lower, 'bankToShop')[0].message.sv).to.contain('skrivet med gemener;');
    expect(hexWriting('NB_HMAC', mixed, 'shopToBank')[1].message.en).to.contain('whether it accepts mixed case is unknown');
  });
});

describe('policy: NB_HMAC and NB_KVV missing or wrong', () => {
  it('macMissing says missing or empty, and gives the MAC when the key is known', () => {
    expect(macMissing('shopToBank', undefined, MAC)).to.deep.equal({
      code: 'mac-missing',
      level: 'error',
      field: 'NB_HMAC',
      message: text(
        `NB_HMAC is missing; this message is signed, so it must carry the MAC (with this key: ${MAC})`,
        `NB_HMAC saknas; meddelandet signeras, så det ska ha en MAC (med den här nyckeln: ${MAC})`,
      ),
      suggestion: MAC,
    });
    expect(macMissing('bankToShop', null, null)).to.deep.equal({
      code: 'mac-missing',
      level: 'error',
      field: 'NB_HMAC',
      message: text('NB_HMAC is missing; this message is signed, so it must carry the MAC', 'NB_HMAC saknas; meddelandet signeras, så det ska ha en MAC'),
    });
    expect(macMissing('bankToShop', ' ', null).message).to.deep.equal(
      text('NB_HMAC is empty; this message is signed, so it must carry the MAC', 'NB_HMAC är tomt; meddelandet signeras, så det ska ha en MAC'),
    );
  });

  it('macMismatch names the key, the character set, the signed string and both MACs', () => {
    expect(macMismatch('bankToShop', { mac: 'ab cd', expected: MAC, macString: 'a&b', encoding: 'iso-8859-1' }, text('key 2 of 3', 'nyckel 2 av 3'))).to.deep.equal({
      code: 'mac-mismatch',
      level: 'error',
      field: 'NB_HMAC',
      message: text(
        `NB_HMAC does not match: with key 2 of 3 and ISO-8859-1 (Latin-1) the MAC of "a&b" is ${MAC}, the message says abcd`,
        `NB_HMAC stämmer inte; med nyckel 2 av 3 och ISO-8859-1 (Latin-1) är MAC:en för ”a&b” ${MAC}, men meddelandet har abcd`,
      ),
    });
  });

  it('kvvMissing says missing or empty, and gives the key’s KVV when known', () => {
    expect(kvvMissing('bankToShop', undefined, TEST_KVV)).to.deep.equal({
      code: 'kvv-missing',
      level: 'error',
      field: 'NB_KVV',
      message: text(
        `NB_KVV is missing; the handbook makes it mandatory in every signed message (with this key: ${TEST_KVV})`,
        `NB_KVV saknas; enligt handboken är det obligatoriskt i varje signerat meddelande (med den här nyckeln: ${TEST_KVV})`,
      ),
      suggestion: TEST_KVV,
    });
    expect(kvvMissing('shopToBank', '', null)).to.deep.equal({
      code: 'kvv-missing',
      level: 'error',
      field: 'NB_KVV',
      message: text('NB_KVV is empty; the handbook makes it mandatory in every signed message', 'NB_KVV är tomt; enligt handboken är det obligatoriskt i varje signerat meddelande'),
    });
  });

  it('kvvCheck: missing, blank, right in any writing, or not 32 hex characters gives the missing finding or nothing', async () => {
    const kvv = await webMac(TEST_KEY, '00000000');
    expect(kvvCheck('shopToBank', null, TEST_KEY)?.code).to.equal('kvv-missing');
    expect(kvvCheck('shopToBank', undefined, TEST_KEY)?.message.en).to.contain('NB_KVV is missing');
    expect(kvvCheck('shopToBank', '  ', TEST_KEY)).to.deep.equal(kvvMissing('shopToBank', '  ', kvv));
    expect(kvvCheck('shopToBank', kvv, TEST_KEY)).to.equal(null);
    expect(kvvCheck('shopToBank', ` ${kvv.toLowerCase().replace(/(.{4})/g, '$1 ')}`, TEST_KEY)).to.equal(null);
    expect(kvvCheck('shopToBank', kvv.slice(1), TEST_KEY)).to.equal(null);
    expect(kvvCheck('shopToBank', `${kvv}0`, TEST_KEY)).to.equal(null);
    expect(kvvCheck('shopToBank', `0${kvv}`, TEST_KEY)).to.equal(null);
  });

  it('kvvCheck: the KVV of the key used as text, by WebCrypto', async () => {
    const kvv = await webMac(TEST_KEY, '00000000');
    const asText = await webMac(Array.from(latin1(TEST_KEY), (b) => b.toString(16).padStart(2, '0')).join(''), '00000000');
    expect(kvvCheck('bankToShop', asText.toLowerCase(), TEST_KEY)).to.deep.equal({
      code: 'kvv-key-as-text',
      level: 'error',
      field: 'NB_KVV',
      message: text(
        `NB_KVV ${asText} is the KVV of the key used as text: its hexadecimal characters were used as the HMAC key instead of the 16 bytes they stand for. Decode the key from hex; its KVV is ${kvv}`,
        `NB_KVV ${asText} är KVV:n för nyckeln använd som text: dess hexadecimala tecken användes som HMAC-nyckel i stället för de 16 byte de står för. Avkoda nyckeln från hex; dess KVV är ${kvv}`,
      ),
      suggestion: kvv,
    });
  });

  it('kvvCheck: another key’s KVV, named when the ring knows it', async () => {
    const kvv = await webMac(TEST_KEY, '00000000');
    const other = await webMac(OTHER_KEY, '00000000');
    expect(hexToBytes(OTHER_KEY)).to.have.length(16);
    const ring = [
      { key: 'FFEEDDCCBBAA99887766554433221100', name: text('key 3 of 3', 'nyckel 3 av 3') },
      { key: OTHER_KEY, name: text('key 1 of 3', 'nyckel 1 av 3') },
    ];
    expect(kvvCheck('shopToBank', other, TEST_KEY, ring)).to.deep.equal({
      code: 'kvv-mismatch',
      level: 'error',
      field: 'NB_KVV',
      message: text(`NB_KVV ${other} is not the KVV of the key used (${kvv}); it is the KVV of key 1 of 3`, `NB_KVV ${other} är inte KVV:n för nyckeln som användes (${kvv}); det är KVV:n för nyckel 1 av 3`),
      suggestion: kvv,
    });
    expect(kvvCheck('shopToBank', other, TEST_KEY, ring.slice(0, 1))).to.deep.equal({
      code: 'kvv-mismatch',
      level: 'error',
      field: 'NB_KVV',
      message: text(
        `NB_KVV ${other} is not the KVV of the key used (${kvv}): it was signed with another key, or the key here is mistyped`,
        `NB_KVV ${other} är inte KVV:n för nyckeln som användes (${kvv}): meddelandet signerades med en annan nyckel, eller så är nyckeln här felskriven`,
      ),
      suggestion: kvv,
    });
  });
});

describe('policy: values the bank echoes, amounts, currencies and the version', () => {
  it('compareEcho: the same is nothing; spaces, case or another value each have their words', () => {
    expect(compareEcho('NB_RETURN_STAMP', 'NB_STAMP', 'ab1', 'ab1')).to.equal(null);
    expect(compareEcho('NB_RETURN_STAMP', 'NB_STAMP', ' ab1', 'ab1')).to.deep.equal({
      code: 'echo-whitespace',
      level: 'error',
      field: 'NB_RETURN_STAMP',
      message: text(
        'NB_RETURN_STAMP " ab1" differs from the order’s NB_STAMP "ab1" only in spaces around it: not the value sent. Confirm with a payment check before you deliver',
        'NB_RETURN_STAMP ” ab1” skiljer sig från orderns NB_STAMP ”ab1” bara i blanktecken runt värdet: inte värdet som skickades. Bekräfta med en betalningskontroll innan du levererar',
      ),
    });
    expect(compareEcho('NB_RETURN_STAMP', 'NB_STAMP', 'ab1', 'ab1 ')?.code).to.equal('echo-whitespace');
    expect(compareEcho('NB_RETURN_DB_REF', 'NB_DB_REF', 'AB1', 'ab1')).to.deep.equal({
      code: 'echo-case',
      level: 'error',
      field: 'NB_RETURN_DB_REF',
      message: text(
        'NB_RETURN_DB_REF "AB1" differs from the order’s NB_DB_REF "ab1" in case: the bank echoes the value as sent, so this is another value. Do not deliver on it',
        'NB_RETURN_DB_REF ”AB1” skiljer sig från orderns NB_DB_REF ”ab1” i skiftläge: banken skickar tillbaka värdet som det skickades, så detta är ett annat värde. Leverera inte på det',
      ),
    });
    expect(compareEcho('NB_RETURN_STAMP', 'NB_STAMP', '2', '1')).to.deep.equal({
      code: 'echo-different',
      level: 'error',
      field: 'NB_RETURN_STAMP',
      message: text(
        'NB_RETURN_STAMP "2" differs from the order’s NB_STAMP "1" so this answer is not for this order. Do not deliver on it',
        'NB_RETURN_STAMP ”2” skiljer sig från orderns NB_STAMP ”1” så svaret gäller inte den här ordern. Leverera inte på det',
      ),
    });
    expect(compareEcho('NB_RETURN_STAMP', 'NB_STAMP', ' AB1', 'ab1')?.code).to.equal('echo-different');
  });

  it('amountGrouping: a request is told the handbook’s form; an answer that the MAC uses it as received', () => {
    expect(amountGrouping('shopToBank', 'NB_DB_AMOUNT', '1\u00a0899,00', '1899,00')).to.deep.equal({
      code: 'amount-grouping',
      level: 'warning',
      field: 'NB_DB_AMOUNT',
      message: text(
        'NB_DB_AMOUNT "1\u00a0899,00" has a thousands separator (a no-break space, as Swedish number formatting writes it); the handbook’s form is 1899,00, and whether the bank accepts a separator is unknown',
        'NB_DB_AMOUNT ”1\u00a0899,00” har tusentalsavgränsare (ett hårt mellanslag, som svensk talformatering skriver det); handbokens form är 1899,00, och om banken godtar en avgränsare är okänt',
      ),
      suggestion: '1899,00',
    });
    expect(amountGrouping('shopToBank', 'NB_DB_AMOUNT', '1\u202f899,00', '1899,00').message.en).to.contain('(a no-break space');
    expect(amountGrouping('shopToBank', 'NB_DB_AMOUNT', '1 899,00', '1899,00').message).to.deep.equal(
      text(
        'NB_DB_AMOUNT "1 899,00" has a thousands separator; the handbook’s form is 1899,00, and whether the bank accepts a separator is unknown',
        'NB_DB_AMOUNT ”1 899,00” har tusentalsavgränsare; handbokens form är 1899,00, och om banken godtar en avgränsare är okänt',
      ),
    );
    expect(amountGrouping('bankToShop', 'NB_RETURN_DB_AMOUNT', '1 899,00', '1899,00')).to.deep.equal({
      code: 'amount-grouping',
      level: 'info',
      field: 'NB_RETURN_DB_AMOUNT',
      message: text(
        'NB_RETURN_DB_AMOUNT "1 899,00" is 1899,00 written with a thousands separator; the bank may change the format, and the MAC uses the value exactly as received',
        'NB_RETURN_DB_AMOUNT ”1 899,00” är 1899,00 skrivet med tusentalsavgränsare; banken kan ändra formatet, och MAC:en beräknas på värdet exakt som det togs emot',
      ),
    });
  });

  it('currencySpace: an error in a request with the fix, information in an answer', () => {
    expect(currencySpace('shopToBank', 'NB_DB_CUR', ' SEK ')).to.deep.equal({
      code: 'currency-space',
      level: 'error',
      field: 'NB_DB_CUR',
      message: text('NB_DB_CUR " SEK " has spaces; a request’s currency is exactly SEK', 'NB_DB_CUR ” SEK ” har blanktecken; valutan i en förfrågan är exakt SEK'),
      suggestion: 'SEK',
    });
    expect(currencySpace('bankToShop', 'NB_RETURN_DB_CUR', ' SEK')).to.deep.equal({
      code: 'currency-space',
      level: 'info',
      field: 'NB_RETURN_DB_CUR',
      message: text(
        'NB_RETURN_DB_CUR " SEK" is SEK with spaces, as in the handbook’s own answers; the MAC uses it exactly as received',
        'NB_RETURN_DB_CUR ” SEK” är SEK med blanktecken, som i handbokens egna svar; MAC:en beräknas på värdet exakt som det togs emot',
      ),
    });
  });

  it('versionOld explains both readings and suggests 0002', () => {
    const found = versionOld('shopToBank', '0001');
    expect([found.code, found.level, found.field, found.suggestion]).to.deep.equal(['version-old', 'warning', 'NB_VERSION', '0002']);
    expect(found.message.en).to.match(/^NB_VERSION is 0001, the older version\. The handbook \(0702\) says 0002.*Use 0002 unless the bank told you your agreement uses 0001$/);
    expect(found.message.sv).to.match(/^NB_VERSION är 0001, den äldre versionen\. Handboken \(0702\) säger 0002.*Använd 0002 om inte banken har sagt att ditt avtal använder 0001$/);
  });

  it('byLevel puts errors first, then warnings, then information, keeping the order within a level', () => {
    const f = (level: 'error' | 'warning' | 'info', n: number) => ({ level, n });
    const sorted = byLevel([f('info', 1), f('warning', 2), f('error', 3), f('info', 4), f('error', 5), f('warning', 6)]);
    expect(sorted.map((x) => x.n)).to.deep.equal([3, 5, 2, 6, 1, 4]);
  });
});
