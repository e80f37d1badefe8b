/**
 * Registers the toolkit's elements, once per page, from the thin entry modules (`<element>/define.ts`):
 * the class modules only export classes. A tag already defined by another copy of the same version
 * (a `<script>` from `lib/` beside a bundled import) is left as it is; by another version, too, with
 * one warning on the console for the page. Without a DOM (Node, an SSR framework without a shim)
 * there is nothing to register and nothing happens.
 */
import { VERSION } from './version.ts';

/** An element class with the elements it renders inside itself, registered with it. */
export interface DefinableElement extends CustomElementConstructor {
  readonly dependencies?: Readonly<Record<string, DefinableElement>>;
}

const VERSION_KEY = Symbol.for('ebet-toolkit.version');
const WARNED = Symbol.for('ebet-toolkit.version-warned');

type Stamped = CustomElementConstructor & { [VERSION_KEY]?: string };

/** Defines `name` as `element` (and the elements it renders) unless the name is taken. */
export function define(name: string, element: DefinableElement): void {
  for (const [dependency, constructor] of Object.entries(element.dependencies ?? {})) define(dependency, constructor);
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(name) as Stamped | undefined;
  if (!existing) {
    (element as Stamped)[VERSION_KEY] = VERSION;
    customElements.define(name, element);
    return;
  }
  if (existing === element || existing[VERSION_KEY] === VERSION) return;
  const page = globalThis as { [WARNED]?: boolean };
  if (page[WARNED]) return;
  page[WARNED] = true;
  console.warn(
    `ebet-toolkit ${VERSION}: <${name}> is already defined by ${existing[VERSION_KEY] ? `ebet-toolkit ${existing[VERSION_KEY]}` : 'other code'}; that one is used. Load one version of ebet-toolkit per page.`,
  );
}
