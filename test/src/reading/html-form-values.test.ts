// readPageForms on the controls that belong to no form, which FormData cannot show (the recorded
// pages, html-form-recorded.test.ts, hold the forms' entries only): a form= that names an element
// which is not an HTML form leaves its control outside every form.
import { expect } from '@esm-bundle/chai';
import { readPageForms } from '../../../src/reading/html-form.ts';

describe('readPageForms: the controls outside every form', () => {
  it('a control whose form= names a div belongs to no form', () => {
    const { forms, outside } = readPageForms('<div id=a></div><form><input name=x value=1 form=a></form>');
    expect(forms.map((form) => form.entries)).to.deep.equal([[]]);
    expect(outside).to.deep.equal({ index: null, position: 23, entries: [{ name: 'x', value: '1', position: 23 }] });
  });

  it('a control whose form= names an SVG <form> belongs to no form', () => {
    const { forms, outside } = readPageForms('<form><input name=x value=1 form=b></form><svg><form id=b></form></svg>');
    expect(forms.map((form) => form.entries)).to.deep.equal([[]]);
    expect(outside).to.deep.equal({ index: null, position: 7, entries: [{ name: 'x', value: '1', position: 7 }] });
  });
});
