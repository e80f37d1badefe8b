import { currentLang } from './locale.ts';

const RULES = { en: new Intl.PluralRules('en-GB'), sv: new Intl.PluralRules('sv-SE') };

/** Whether `n` takes the singular in the page's language (Intl.PluralRules: `one`), to pick between a message's two forms. */
export function isOne(n: number): boolean {
  return RULES[currentLang()].select(n) === 'one';
}
