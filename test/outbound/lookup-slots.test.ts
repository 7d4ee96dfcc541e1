import { describe, expect, it } from 'vitest';
import { withLookupSlots, type AllLookup } from '../../src/outbound/lookup-slots.js';

/** A resolver that answers only when told to, as one whose name server never replies does not. */
function heldResolver() {
  const held: { host: string; answer(err?: Error): void }[] = [];
  const lookup: AllLookup = (host, _options, callback) =>
    held.push({ host, answer: (err) => (err ? callback(err, []) : callback(null, [{ address: '203.0.113.7', family: 4 }])) });
  return { held, lookup };
}

describe('withLookupSlots', () => {
  it('keeps at most two lookups on the pool; the rest start in order as earlier ones answer', () => {
    const { held, lookup } = heldResolver();
    const limited = withLookupSlots(lookup, 2);
    const answered: string[] = [];
    for (const host of ['a.example', 'b.example', 'c.example', 'd.example']) limited(host, { all: true }, (err) => answered.push(err ? `${host}!` : host));
    expect(held.map((h) => h.host)).toEqual(['a.example', 'b.example']);
    held[1]!.answer();
    expect(held.map((h) => h.host)).toEqual(['a.example', 'b.example', 'c.example']);
    // A failed lookup frees its slot too.
    held[0]!.answer(Object.assign(new Error('queryA ETIMEOUT'), { code: 'ETIMEOUT' }));
    expect(held.map((h) => h.host)).toEqual(['a.example', 'b.example', 'c.example', 'd.example']);
    held[2]!.answer();
    held[3]!.answer();
    expect(answered).toEqual(['b.example', 'a.example!', 'c.example', 'd.example']);
  });

  it('passes the answer through unchanged', () => {
    const { held, lookup } = heldResolver();
    let got: unknown;
    withLookupSlots(lookup)('a.example', { all: true }, (_err, addresses) => (got = addresses));
    held[0]!.answer();
    expect(got).toEqual([{ address: '203.0.113.7', family: 4 }]);
  });
});
