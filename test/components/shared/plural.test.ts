import { expect } from '@open-wc/testing';
import { setPageLang } from '../../../components/shared/locale.ts';
import { isOne } from '../../../components/shared/plural.ts';

describe('isOne: the singular by Intl.PluralRules, in the page language', () => {
  afterEach(() => setPageLang('en'));

  it('takes the singular for exactly one, in English and in Swedish ("1 candidate", "1 kandidat")', async () => {
    for (const lang of ['en', 'sv'] as const) {
      await setPageLang(lang);
      expect([0, 1, 2, 1.5, 21, 1000].map(isOne), lang).to.deep.equal([false, true, false, false, false, false]);
    }
  });
});
