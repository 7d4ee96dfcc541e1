import { describe, expect, it } from 'vitest';
import { newId } from '../src/ids.js';

describe('newId', () => {
  it('is prefixed, 26 base32 characters after the prefix, and strictly increasing within the process', () => {
    let previous = '';
    for (let i = 0; i < 20_000; i++) {
      const id = newId('evt');
      expect(id > previous).toBe(true);
      previous = id;
    }
    expect(previous).toMatch(/^evt_[0-9a-hjkmnp-tv-z]{26}$/);
  });
});
