/**
 * The UI's language, Swedish or English, on @lit/localize in runtime mode: one locale per page.
 *
 * - The UI's own strings are `msg('English')` calls; the Swedish is the `<target>` in `locales/sv.xlf`,
 *   built by `npx lit-localize build` into `locales/sv.ts`, which is loaded when Swedish is chosen.
 *   Elements re-render when the locale changes through `@localized()`, written below `@customElement`:
 *   our (legacy) decorators apply bottom-up and `@customElement` defines the element at once, upgrading
 *   those already in the page, so `@localized()` must have added its controller before that.
 * - Messages from the core (`src/`, which knows nothing of Lit) are `Text` pairs; `t(text)` picks the
 *   current locale's half.
 * - On a toolkit page `<ebet-shell>` calls `initPageLang()`: a remembered choice (localStorage
 *   `ebet-lang`, only the language), else the browser's preference, else the page's `<html lang>`.
 *   Anywhere else (a shop's page with `<ebet-receipt>`) the locale follows the page's `<html lang>`.
 */
import { configureLocalization } from '@lit/localize';
import type { Lang, Text } from '../../src/text.ts';
import { sourceLocale, targetLocales } from './locales/locale-codes.ts';

const STORAGE_KEY = 'ebet-lang';

function asLang(value: string | null | undefined): Lang | null {
  const short = value?.toLowerCase().slice(0, 2);
  return short === 'sv' || short === 'en' ? short : null;
}

/** The language of the page: its `<html lang>`. */
function pageLang(): Lang {
  return asLang(document.documentElement.lang) ?? 'en';
}

/** Configures @lit/localize once, starts in the page's language and follows `<html lang>` when it changes. */
function startLocalization() {
  const localization = configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: () => import('./locales/sv.ts'),
  });
  void localization.setLocale(pageLang());
  new MutationObserver(() => void localization.setLocale(pageLang())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
  return localization;
}

const localization = startLocalization();

/** The current locale, as the core's `Lang`. */
export function currentLang(): Lang {
  return localization.getLocale() as Lang;
}

/** A core message (`Text` pair) in the current locale. */
export function t(value: Text): string {
  return value[currentLang()];
}

/** Switches the page's locale and its `<html lang>`, without remembering it; resolves once it is shown. */
export function setPageLang(lang: Lang): Promise<void> {
  document.documentElement.lang = lang;
  return localization.setLocale(lang);
}

/** The user's choice: switches the page's locale (`setPageLang`) and remembers it (only the language). */
export function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  return setPageLang(lang);
}

/** On a toolkit page: the remembered choice, else the browser's preference, else the page's own. */
export function initPageLang(): Promise<void> {
  let remembered: Lang | null;
  try {
    remembered = asLang(localStorage.getItem(STORAGE_KEY));
  } catch {
    remembered = null;
  }
  const browser = navigator.languages?.map(asLang).find((l) => l !== null) ?? null;
  const lang = remembered ?? browser ?? pageLang();
  document.documentElement.lang = lang;
  return localization.setLocale(lang);
}
