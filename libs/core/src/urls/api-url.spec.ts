import { apiUrl } from './api-url';

describe('apiUrl', () => {
  it('puts the segments, encoded, under the public URL and /v1', () => {
    expect(apiUrl('https://tracker.example.nl', 'actions', 'a1', 'progress-updates')).toBe(
      'https://tracker.example.nl/v1/actions/a1/progress-updates',
    );
    expect(apiUrl('https://tracker.example.nl/', 'calendar-feeds', 'a/b c')).toBe(
      'https://tracker.example.nl/v1/calendar-feeds/a%2Fb%20c',
    );
  });

  it('keeps a path in the public URL, and is the base path alone without segments', () => {
    expect(apiUrl('https://example.nl/tracker')).toBe('https://example.nl/tracker/v1');
  });
});
