import { describe, expect, it } from 'vitest';
import { findUnsafeInteger } from '../../src/api/unsafe-integers.js';

describe('findUnsafeInteger', () => {
  it.each([
    ['{"id":12345678901234567890}', '12345678901234567890'],
    ['{"a":[1,2,{"b":-9007199254740993}]}', '-9007199254740993'],
    ['{"s":"\\"12345678901234567890","n":9007199254740993}', '9007199254740993'],
    [`{"huge":${'9'.repeat(400)}}`, '9'.repeat(400)],
  ])('finds the integer JSON.parse would round in %s', (json, token) => {
    expect(findUnsafeInteger(json)).toBe(token);
  });

  it.each([
    '{"id":"12345678901234567890"}',
    '{"max":9007199254740992,"min":-9007199254740992}',
    '{"big":1e21,"f":12345678901234567890.5,"e":1E400}',
    '{"exact":100000000000000000000}',
    '{"escaped":"a\\\\","n":1}',
  ])('leaves %s alone (strings, exact integers, floating point)', (json) => {
    expect(findUnsafeInteger(json)).toBeUndefined();
  });

  it('takes one pass over any text, however its quotes and backslashes run (express calls it before parsing)', () => {
    const hostile = '\\"'.repeat(128 * 1024);
    const started = performance.now();
    expect(findUnsafeInteger(hostile)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
