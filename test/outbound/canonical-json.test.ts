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
