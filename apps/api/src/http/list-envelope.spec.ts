import type { AppConfig } from '@app/core';
import { listEnvelope, publicRequestUrl } from './list-envelope';

describe('listEnvelope', () => {
  const config = (publicUrl: string) => ({ http: { publicUrl } }) as AppConfig;
  const req = { originalUrl: '/v1/actions?status=in_progress&cursor=old&limit=2' };

  it('links itself as requested and the next and previous pages by their cursors', () => {
    const list = listEnvelope(
      config('https://tracker.example.nl'),
      req,
      { items: [1, 2], nextCursor: 'n3', prevCursor: 'p1' },
      (n) => ({ n }),
    );
    expect(list.data).toEqual([{ n: 1 }, { n: 2 }]);
    expect(list._links).toEqual({
      self: { href: 'https://tracker.example.nl/v1/actions?status=in_progress&cursor=old&limit=2' },
      next: { href: 'https://tracker.example.nl/v1/actions?status=in_progress&cursor=n3&limit=2' },
      prev: { href: 'https://tracker.example.nl/v1/actions?status=in_progress&cursor=p1&limit=2' },
    });
  });

  it('has no next or previous link where the page has no cursor for one', () => {
    const list = listEnvelope(config('https://tracker.example.nl'), req, { items: [] });
    expect(Object.keys(list._links)).toEqual(['self']);
  });

  it('keeps a path in PUBLIC_URL', () => {
    const url = publicRequestUrl(config('https://host.example.nl/tracker'), req);
    expect(url.toString()).toBe(
      'https://host.example.nl/tracker/v1/actions?status=in_progress&cursor=old&limit=2',
    );
  });
});
