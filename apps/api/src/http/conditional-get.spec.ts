import type { Request } from 'express';
import { etagMatches, isNotModified } from './conditional-get';

const request = (method: string, headers: Record<string, string>): Request =>
  ({
    method,
    get: (name: string) => headers[name.toLowerCase()],
  }) as unknown as Request;

const ETAG = 'W/"abc"';
const CHANGED = new Date('2026-11-24T10:12:31.600Z');

describe('etagMatches', () => {
  it('compares weakly, in a list, and takes *', () => {
    expect(etagMatches('"abc"', ETAG)).toBe(true);
    expect(etagMatches('W/"x", W/"abc"', ETAG)).toBe(true);
    expect(etagMatches('*', ETAG)).toBe(true);
    expect(etagMatches('W/"abcd"', ETAG)).toBe(false);
    expect(etagMatches(undefined, ETAG)).toBe(false);
  });
});

describe('isNotModified', () => {
  it('lets If-None-Match decide when it is sent, whatever If-Modified-Since says', () => {
    const later = 'Wed, 25 Nov 2026 00:00:00 GMT';
    expect(
      isNotModified(
        request('GET', { 'if-none-match': 'W/"old"', 'if-modified-since': later }),
        ETAG,
        CHANGED,
      ),
    ).toBe(false);
    expect(isNotModified(request('HEAD', { 'if-none-match': ETAG }), ETAG, CHANGED)).toBe(true);
  });

  it('compares If-Modified-Since to the second', () => {
    const at = (date: string) =>
      isNotModified(request('GET', { 'if-modified-since': date }), ETAG, CHANGED);
    expect(at('Tue, 24 Nov 2026 10:12:31 GMT')).toBe(true);
    expect(at('Tue, 24 Nov 2026 10:12:30 GMT')).toBe(false);
    expect(at('not a date')).toBe(false);
  });

  it('never answers 304 to anything but GET and HEAD, or without a condition', () => {
    expect(isNotModified(request('POST', { 'if-none-match': ETAG }), ETAG, CHANGED)).toBe(false);
    expect(isNotModified(request('GET', {}), ETAG, CHANGED)).toBe(false);
  });
});
