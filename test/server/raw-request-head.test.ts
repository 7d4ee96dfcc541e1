import { describe, expect, it } from 'vitest';
import { parseRawHead } from '../../src/server/raw-request-head.js';

const head = (text: string) => parseRawHead(Buffer.from(text, 'latin1'));

describe('parseRawHead: what a refused request said before node gave up', () => {
  it('reads the request line and the headers up to the first malformed line, names lower-cased, first value kept', () => {
    expect(head('POST /webhooks/github?x=1 HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 203.0.113.9\r\nhost: other\r\nbad line\r\nx-after: no\r\n\r\n')).toEqual({
      method: 'POST',
      target: '/webhooks/github?x=1',
      headers: { host: 'h', 'x-forwarded-for': '203.0.113.9' },
    });
  });

  it('keeps a header cut off by the end of the packet, without its missing colon', () => {
    expect(head('POST / HTTP/1.1\r\nx-big: aaaa\r\ncontent-lengt')?.headers).toEqual({ 'x-big': 'aaaa' });
  });

  it.each(['', 'aaaa\r\nhost: h\r\n\r\n', 'POST /x HTTP/2.0\r\n\r\n', 'post /x HTTP/1.1\r\n\r\n', 'POST  /x HTTP/1.1\r\n\r\n', '\x16\x03\x01\x02\x00'])(
    '%j is not attributed to any path',
    (text) => {
      expect(head(text)).toBeUndefined();
    },
  );
});
