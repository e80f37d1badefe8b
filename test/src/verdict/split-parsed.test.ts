// The decoder does not read a one-message paste twice: splitMessages takes the paste box's own
// read (its worker's, for a large paste) for the whole paste, and reads the pieces of a paste of
// several messages itself.
import { expect } from '@esm-bundle/chai';
import { parseFields, splitMessages } from '../../../src/index.ts';

const ONE = 'NB_VERSION=0002&NB_RCV_ID=999999&NB_STAMP=00002&NB_DB_AMOUNT=550,00&NB_DB_CUR=SEK&NB_DB_REF=123450';
const TWO = `${ONE}\n\n${ONE.replace('00002', '00003')}`;

describe('splitMessages with the paste already read', () => {
  it('a paste that is one message: its block is the read it was given, equal to its own', () => {
    const read = parseFields(ONE);
    const [block, ...rest] = splitMessages(ONE, read);
    expect(rest).to.have.length(0);
    expect(block!.parsed).to.equal(read);
    expect(splitMessages(ONE)[0]!.parsed).to.deep.equal(read);
  });

  it('a paste of no message (its parser’s problem shown) takes the given read too', () => {
    const read = parseFields('hello');
    expect(splitMessages('hello', read)[0]!.parsed).to.equal(read);
  });

  it('a paste of several messages: each piece is read on its own, the whole read is not used', () => {
    const read = parseFields(TWO);
    const blocks = splitMessages(TWO, read);
    expect(blocks.map((b) => b.parsed.entries.find((e) => e.name === 'NB_STAMP')?.value)).to.deep.equal(['00002', '00003']);
    expect(blocks.every((b) => b.parsed !== read)).to.equal(true);
  });
});
