import { expect } from '@open-wc/testing';
import { readBody } from '../../../components/ebet-bank-simulator/bank-sw.ts';
import { latin1 } from '../../support/webcrypto.ts';

const URL_ = 'https://example.test/tools/test-page/bank/pay';

/** A multipart body written out by hand, its values as the given bytes. */
function multipart(fields: Array<[string, Uint8Array, string?]>, boundary = 'XyZ'): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const [name, value, type] of fields) {
    chunks.push(latin1(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`), value, latin1('\r\n'));
  }
  chunks.push(latin1(`--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const post = (body: Uint8Array, contentType: string) => new Request(URL_, { method: 'POST', body: body as BufferSource, headers: { 'Content-Type': contentType } });

describe('the bank simulator worker reads any form', () => {
  it('reads multipart sent as ISO-8859-1 (by _charset_, by the part, or by its bytes) and as UTF-8', async () => {
    const iso = multipart([
      ['_charset_', latin1('ISO-8859-1')],
      ['NB_STAMP', latin1('00002')],
      ['NB_DB_REF', latin1('Åsa Öberg')],
    ]);
    const type = 'multipart/form-data; boundary=XyZ';
    expect(await readBody(post(iso, type), type)).to.deep.equal({ text: '_charset_=ISO-8859-1\nNB_STAMP=00002\nNB_DB_REF=Åsa Öberg', charset: 'iso-8859-1' });
    const byPart = multipart([['NB_DB_REF', latin1('å'), 'text/plain; charset=windows-1252']]);
    expect(await readBody(post(byPart, type), type)).to.deep.equal({ text: 'NB_DB_REF=å', charset: 'iso-8859-1' });
    const bare = multipart([['NB_DB_REF', latin1('ä')]]);
    expect(await readBody(post(bare, type), type)).to.deep.equal({ text: 'NB_DB_REF=ä', charset: 'iso-8859-1' });
    const utf8 = multipart([['NB_DB_REF', new TextEncoder().encode('ö €')]]);
    expect(await readBody(post(utf8, type), type)).to.deep.equal({ text: 'NB_DB_REF=ö €', charset: 'utf-8' });
  });

  it('reads a text body in its declared charset', async () => {
    const type = 'text/plain; charset=ISO-8859-1';
    expect(await readBody(post(latin1('NB_DB_REF=å'), type), type)).to.deep.equal({ text: 'NB_DB_REF=å', charset: 'iso-8859-1' });
    const unknown = 'text/plain; charset=x-no-such-thing';
    expect(await readBody(post(latin1('NB_DB_REF=å'), unknown), unknown)).to.deep.equal({ text: 'NB_DB_REF=å', charset: 'iso-8859-1' });
  });

  it('cuts a big body while streaming it, and says how big it was', async () => {
    let pulled = 0;
    const chunk = latin1('NB_STAMP=1&'.padEnd(1024, 'x'));
    // 30 MB offered in 1 kB chunks; the reader must stop soon after 64 kB.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 30 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(URL_, { method: 'POST', body: stream, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, duplex: 'half' } as RequestInit);
    const body = await readBody(request, 'application/x-www-form-urlencoded');
    expect(body.truncated).to.equal(true);
    expect(body.text.length).to.equal(64 * 1024);
    expect(body.text.startsWith('NB_STAMP=1&')).to.equal(true);
    expect(body.size).to.equal(65 * 1024);
    expect(pulled).to.be.below(100);
  });
});
