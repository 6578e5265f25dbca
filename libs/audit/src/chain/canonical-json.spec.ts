import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every depth, whatever the insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('orders keys by UTF-16 code units, so capitals and accents have one fixed place', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4, '€': 5 })).toBe(
      '{"Z":3,"a":4,"z":2,"é":1,"€":5}',
    );
  });

  it('keeps Unicode text as characters and escapes only what JSON must', () => {
    expect(canonicalJson({ naam: 'Fryslân — “Ljouwert”\n\u0001' })).toBe(
      '{"naam":"Fryslân — “Ljouwert”\\n\\u0001"}',
    );
  });

  it('refuses lone surrogates, which have no UTF-8 form', () => {
    expect(() => canonicalJson({ x: '\ud800' })).toThrow();
  });

  it('prints numbers the way ECMAScript does, one form per value', () => {
    expect(canonicalJson([1.0, 1e21, 0.1, -0, 100, 1e-7, 2 ** 53])).toBe(
      '[1,1e+21,0.1,0,100,1e-7,9007199254740992]',
    );
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow();
  });

  it('drops absent keys and keeps null ones', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});
