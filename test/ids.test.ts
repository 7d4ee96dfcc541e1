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

  it('draws fresh random bits for every millisecond, across refills of its random pool', () => {
    const start = Date.now() + 1_000_000;
    const parts = new Set<string>();
    // 1000 milliseconds: more than two pools' worth (409 per 4 KiB pool).
    for (let ms = 0; ms < 1000; ms++) parts.add(newId('in', start + ms).slice(3 + 10, 3 + 18));
    expect(parts.size).toBe(1000);
  });
});
