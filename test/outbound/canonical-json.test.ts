import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/outbound/canonical-json.js';

describe('canonicalJson', () => {
  it('gives equal JSON values the same text, whatever the order of their keys, at every depth', () => {
    const a = { b: 1, a: { d: [{ y: 2, x: 1 }], c: null }, '10': 't', '9': 'n' };
    const b = { '9': 'n', a: { c: null, d: [{ x: 1, y: 2 }] }, '10': 't', b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"9":"n","10":"t","a":{"c":null,"d":[{"x":1,"y":2}]},"b":1}');
  });

  it('keeps what tells values apart: array order, types, and a "__proto__" key', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    const withProto = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown;
    expect(canonicalJson(withProto)).toBe('{"__proto__":{"x":1},"a":2}');
    expect(JSON.parse(canonicalJson(withProto))).toEqual(withProto);
  });
});

/** The replacer-based text that request hashes stored before the fast path were made from: what it must keep giving. */
function storedHashText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) Object.defineProperty(out, key, { value: (v as Record<string, unknown>)[key], enumerable: true });
    return out;
  });
}

describe('canonicalJson against the text stored hashes were made from', () => {
  it('gives the same text for any JSON value, index-like keys and "__proto__" included', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', '0', '7', '01', '-1', '10', '4294967294', '4294967295', 'toJSON'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), tie('array')),
      object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
      array: fc.array(tie('value'), { maxLength: 4 }),
    })).value;
    fc.assert(fc.property(json, (value) => canonicalJson(value) === storedHashText(value)), { numRuns: 2000 });
    const parsed = JSON.parse('{"b":{"__proto__":{"y":1,"x":[2,{"d":1,"c":0}]},"10":1,"9":2},"a":"\\u2028"}') as unknown;
    expect(canonicalJson(parsed)).toBe(storedHashText(parsed));
  });

  it('gives the same text for values JSON.parse never makes: toJSON, Dates, Maps, undefined, holes, NaN', () => {
    const odd = {
      when: new Date(0),
      custom: { toJSON: () => ({ z: 1, a: 2 }) },
      map: new Map([['k', 1]]),
      gone: undefined,
      fn: () => 1,
      list: [undefined, , NaN, Infinity, -0, { b: 1, a: [new Date(1)] }],
      bare: Object.assign(Object.create(null) as Record<string, unknown>, { y: 1, x: 2 }),
      boxed: new String('s'),
    };
    expect(canonicalJson(odd)).toBe(storedHashText(odd));
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    // Each copy is a new object, so the replacer path never spots a cycle: it overflows the stack, and still must.
    expect(() => storedHashText(cycle)).toThrow(RangeError);
    expect(() => canonicalJson(cycle)).toThrow(RangeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withDate: true, withObjectString: true, withTypedArray: true, withUnicodeString: true });
    fc.assert(fc.property(anything, (value) => {
      let expected: string | Error;
      try {
        expected = storedHashText(value);
      } catch (err) {
        expected = err as Error;
      }
      if (expected instanceof Error) expect(() => canonicalJson(value)).toThrow(expected.constructor as new () => Error);
      else expect(canonicalJson(value)).toBe(expected);
    }), { numRuns: 2000 });
  });
});
