// Character sets as an input declares them (src/doctor/charset.ts): every label the doctor knows,
// where a declaration is read and which one wins, and the warning a U+FFFD in a signed value gives.
import { expect } from '@esm-bundle/chai';
import { declaredCharset, encodingOfLabel, replacementWarnings } from '../../../src/doctor/charset.ts';

describe('encodingOfLabel: the charset labels the doctor knows', () => {
  it('UTF-8 and the ISO-8859-1 family, quoted or not, in any case', () => {
    for (const label of ['utf-8', 'UTF8', ' "utf-8" ', "'Utf-8'"]) expect(encodingOfLabel(label), label).to.equal('utf-8');
    for (const label of ['iso-8859-1', 'ISO8859-1', 'latin1', 'Latin-1', 'l1', 'windows-1252', 'CP1252', 'iso_8859-1', 'ISO_8859-1:1987', '"latin1"']) {
      expect(encodingOfLabel(label), label).to.equal('iso-8859-1');
    }
  });

  it('null for any other label, or one that only contains a known one', () => {
    for (const label of ['', 'lat"in1', "utf'-8", 'utf-16', 'koi8-r', 'iso-8859-15', 'xiso-8859-1', 'latin1x', 'utf-8x', 'iso_8859-1:1988', 'windows-12520']) expect(encodingOfLabel(label), label).to.equal(null);
  });
});

describe('declaredCharset: where a declaration is read', () => {
  it('a Content-Type’s charset first, then the page’s meta, then the parser’s Latin-1 escapes', () => {
    const page = '<html><head><meta charset="utf-8">';
    expect(declaredCharset({ text: page, contentType: 'text/html; charset=ISO-8859-1', problemCodes: ['latin1-escapes'] })).to.deep.equal({ encoding: 'iso-8859-1', source: 'content-type' });
    expect(declaredCharset({ text: page, contentType: 'text/html; charset=koi8-r', problemCodes: ['latin1-escapes'] })).to.deep.equal({ encoding: 'utf-8', source: 'meta' });
    expect(declaredCharset({ text: '<meta charset="koi8-r">', contentType: 'text/html', problemCodes: ['latin1-escapes'] })).to.deep.equal({ encoding: 'iso-8859-1', source: 'latin1-escapes' });
    expect(declaredCharset({ problemCodes: ['other'] })).to.equal(null);
    expect(declaredCharset({})).to.equal(null);
  });

  it('reads a charset however it is spaced, quoted or cased, and a page’s meta in its first 4096 characters only', () => {
    expect(declaredCharset({ contentType: 'application/x-www-form-urlencoded;CHARSET = "utf-8"' })).to.deep.equal({ encoding: 'utf-8', source: 'content-type' });
    expect(declaredCharset({ contentType: 'text/html; charset=latin1; q=1' })).to.deep.equal({ encoding: 'iso-8859-1', source: 'content-type' });
    expect(declaredCharset({ text: "<META http-equiv='Content-Type' content='text/html; Charset=ISO_8859-1:1987'>" })).to.deep.equal({ encoding: 'iso-8859-1', source: 'meta' });
    expect(declaredCharset({ text: '<meta name="x" charset=latin1 >' })).to.deep.equal({ encoding: 'iso-8859-1', source: 'meta' });
    expect(declaredCharset({ text: '<meta charset = "latin1">' })).to.deep.equal({ encoding: 'iso-8859-1', source: 'meta' });
    const late = `${' '.repeat(4085)}<meta charset="latin1">`;
    expect(declaredCharset({ text: late })).to.equal(null);
    expect(declaredCharset({ text: late.slice(30) })).to.deep.equal({ encoding: 'iso-8859-1', source: 'meta' });
    expect(declaredCharset({ text: '<metadata charset="latin1">' })).to.equal(null);
  });
});

describe('replacementWarnings: a U+FFFD in a signed value', () => {
  it('one warning per value holding it, with its three likeliest ISO-8859-1 originals, in both languages', () => {
    expect(
      replacementWarnings([
        { name: 'NB_RCV_ID', value: '999999' },
        { name: 'NB_STAMP', value: 'M\ufffdns\ufffdn' },
      ]),
    ).to.deep.equal([
      {
        en: 'NB_STAMP holds U+FFFD (�), the replacement character: the message was read with the wrong character set (ISO-8859-1 bytes decoded as UTF-8, as ASP.NET does by default), and the MAC was made over the original. Its ISO-8859-1 original was likely "Månsån", "Mänsän", "Mönsön"…: read the body in ISO-8859-1 (the charset of its Content-Type) and check again.',
        sv: 'NB_STAMP innehåller U+FFFD (�), ersättningstecknet: meddelandet har lästs med fel teckenuppsättning (byte i ISO-8859-1 avkodade som UTF-8, vilket ASP.NET gör som standard), men MAC:en beräknades på originalvärdet. I ISO-8859-1 var värdet troligen ”Månsån”, ”Mänsän”, ”Mönsön”…: läs innehållet som ISO-8859-1 (den teckenuppsättning som anges i Content-Type) och kontrollera igen.',
      },
    ]);
    expect(replacementWarnings([{ name: 'NB_STAMP', value: 'Mansson' }])).to.deep.equal([]);
  });
});
