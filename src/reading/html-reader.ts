/**
 * Imported for its effect: registers html-form.ts (parse5) as parse.ts's reader of HTML at once.
 * The package's entry (src/index.ts) and the session worker import it, so `parseFields` reads HTML
 * wherever the package is used; the standalone core and the site's elements load the reader on
 * demand instead (`loadHtmlReader()` in parse.ts), keeping parse5 out of their first bundle.
 */
import { readPageForms } from './html-form.ts';
import { setHtmlReader } from './parse.ts';

setHtmlReader(readPageForms);
