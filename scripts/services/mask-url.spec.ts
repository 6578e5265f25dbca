import { maskUrl } from './mask-url';

describe('maskUrl', () => {
  it.each([
    [
      'postgres://postgres:s3cret@127.0.0.1:55432/db',
      'postgres://postgres:****@127.0.0.1:55432/db',
    ],
    ['redis://:s3cret@127.0.0.1:56379', 'redis://:****@127.0.0.1:56379'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
  ])('prints %s as %s', (url, printed) => {
    expect(maskUrl(url)).toBe(printed);
  });
});
