// The example shop follows the toolkit's language (remembered as `ebet-lang` on this site) and has
// its own switch: it sets <html lang>, which its text (`.t[lang]`) and <ebet-checkout> follow, and the
// document's title (`<title data-en data-sv>`).
const KEY = 'ebet-lang';

function show(lang) {
  document.documentElement.lang = lang;
  const title = document.querySelector('title');
  if (title?.dataset[lang]) document.title = title.dataset[lang];
  for (const button of document.querySelectorAll('button[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
}

let remembered = null;
try {
  remembered = localStorage.getItem(KEY);
} catch {
  // storage off: the page's own language
}
show(remembered === 'sv' || remembered === 'en' ? remembered : document.documentElement.lang);

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-lang]') : null;
  if (!button) return;
  show(button.dataset.lang);
  try {
    localStorage.setItem(KEY, button.dataset.lang);
  } catch {
    // not remembered: the page still switches
  }
});
