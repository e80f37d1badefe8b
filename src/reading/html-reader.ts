/**
 * Imported for its effect: registers html-form.ts (parse5) as parse.ts's reader of HTML. The
 * package's entry imports it, so `parseFields` reads HTML wherever the package is used; the site's
 * elements import it on demand (components/shared/html-reader.ts), keeping parse5 out of their
 * first bundle.
 */
import { readPageForms } from './html-form.ts';
import { setHtmlReader } from './parse.ts';

setHtmlReader(readPageForms);
