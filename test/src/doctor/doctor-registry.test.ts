import { expect } from '@esm-bundle/chai';
import { diagnoseMac, DOCTOR_CAUSES, REGISTRY } from '../../../src/doctor/index.ts';

// Every cause of the registry carries an example: its MAC (made by node:crypto from the string its
// `signed` names) is explained by the doctor with that very cause, and reproduced exactly.
describe('the doctor’s registry of causes', () => {
  it('lists each cause once, with words in both languages and an example', () => {
    const codes = REGISTRY.map((c) => c.code);
    expect(new Set(codes).size).to.equal(codes.length);
    expect(Object.keys(DOCTOR_CAUSES)).to.deep.equal(codes);
    for (const cause of REGISTRY) {
      expect(cause.title.en, cause.code).to.not.equal(cause.title.sv);
      expect(cause.tries.sv.length, cause.code).to.be.greaterThan(10);
      expect(cause.example.signed.length, cause.code).to.be.greaterThan(10);
      if (cause.pairsWith !== 'any') for (const other of cause.pairsWith) expect(codes, cause.code).to.include(other);
    }
  });

  for (const cause of REGISTRY) {
    it(`${cause.code}: its example is explained with it, reproducing the MAC exactly`, () => {
      const { kind, fields, key, mac, options } = cause.example;
      const result = diagnoseMac(kind, fields, mac, key, options);
      expect(result.status, `${cause.code}: ${result.message.en}`).to.equal('explained');
      const finding = result.findings.find((f) => f.causes.includes(cause.code));
      expect(finding, `${cause.code}: ${JSON.stringify(result.findings.map((f) => f.causes))}`).to.not.equal(undefined);
      expect(finding!.mac).to.equal(mac.replace(/\s+/g, ''));
    });
  }
});
