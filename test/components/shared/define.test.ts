import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define } from '../../../components/shared/define.ts';
import { VERSION } from '../../../components/shared/version.ts';

const STAMP = Symbol.for('ebet-toolkit.version');

describe('define: each element registered once per page', () => {
  let warnings: unknown[][];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => (console.warn = warn));

  it('defines an element with the elements it renders, and a second copy of the same version is a no-op', () => {
    class Inner extends LitElement {}
    class Outer extends LitElement {
      static readonly dependencies = { 'ebet-test-inner': Inner };
    }
    define('ebet-test-outer', Outer);
    expect(customElements.get('ebet-test-outer')).to.equal(Outer);
    expect(customElements.get('ebet-test-inner')).to.equal(Inner);
    // Another copy of the package: other classes under the same names, same version.
    class OuterCopy extends LitElement {
      static readonly dependencies = { 'ebet-test-inner': class extends LitElement {} };
    }
    expect(() => define('ebet-test-outer', OuterCopy)).to.not.throw();
    expect(customElements.get('ebet-test-outer')).to.equal(Outer);
    expect(warnings).to.deep.equal([]);
    expect((Outer as unknown as Record<symbol, string>)[STAMP]).to.equal(VERSION);
  });

  it('another version keeps the first definition and warns once for the page', () => {
    class Older extends LitElement {}
    customElements.define('ebet-test-old', Older);
    (Older as unknown as Record<symbol, string>)[STAMP] = '0.0.1';
    customElements.define('ebet-test-old-2', class extends LitElement {});
    define('ebet-test-old', class extends LitElement {});
    define('ebet-test-old-2', class extends LitElement {});
    expect(customElements.get('ebet-test-old')).to.equal(Older);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<ebet-test-old> is already defined by ebet-toolkit 0.0.1');
  });
});
