import { cookieValue, isLocalDevelopment } from './refresh-cookie';

describe('refresh cookie', () => {
  describe('cookieValue', () => {
    it('finds the named cookie among others, whatever the spacing', () => {
      expect(cookieValue('a=1; sbt_refresh=sbr_abc;other=2', 'sbt_refresh')).toBe('sbr_abc');
      expect(cookieValue('sbt_refresh=sbr_abc', 'sbt_refresh')).toBe('sbr_abc');
    });

    it('takes the first of two with the name: the browser sends the longest path first', () => {
      expect(cookieValue('sbt_refresh=first; sbt_refresh=second', 'sbt_refresh')).toBe('first');
    });

    it('matches the whole name only', () => {
      expect(cookieValue('xsbt_refresh=1; sbt_refresh_old=2', 'sbt_refresh')).toBeUndefined();
    });

    it('answers undefined without a header, without the cookie, or with an empty value', () => {
      expect(cookieValue(undefined, 'sbt_refresh')).toBeUndefined();
      expect(cookieValue('', 'sbt_refresh')).toBeUndefined();
      expect(cookieValue('sbt_refresh', 'sbt_refresh')).toBeUndefined();
      expect(cookieValue('sbt_refresh=; a=1', 'sbt_refresh')).toBeUndefined();
    });
  });

  describe('isLocalDevelopment', () => {
    it.each([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://LOCALHOST',
    ])('leaves Secure off for %s', (url) => {
      expect(isLocalDevelopment(url)).toBe(true);
    });

    it.each([
      'https://localhost:3000',
      'https://tracker.example.nl',
      'http://tracker.example.nl',
      'http://192.168.1.20:3000',
      'http://localhost.example.nl',
    ])('sets Secure for %s', (url) => {
      expect(isLocalDevelopment(url)).toBe(false);
    });
  });
});
