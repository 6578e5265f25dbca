import { browserOrigins, csrfFailure } from './browser-csrf.guard';

describe('browser-session CSRF check', () => {
  const allowed = browserOrigins({
    publicUrl: 'https://Tracker.example.nl',
    corsOrigins: ['http://localhost:5173', '*'],
  });

  it("allows the origin of PUBLIC_URL and the listed ones, never `*`'s", () => {
    expect([...allowed].sort()).toEqual(['http://localhost:5173', 'https://tracker.example.nl']);
  });

  it('passes the header with value 1 from an allowed origin', () => {
    expect(csrfFailure({ csrf: '1', origin: 'https://tracker.example.nl' }, allowed)).toBe(
      undefined,
    );
    expect(csrfFailure({ csrf: '1', origin: 'http://localhost:5173' }, allowed)).toBe(undefined);
  });

  it.each([undefined, '', '0', 'true', ' 1'])('refuses the header %p', (csrf) => {
    expect(csrfFailure({ csrf, origin: 'https://tracker.example.nl' }, allowed)).toBe('header');
  });

  it.each([
    undefined,
    'null',
    'https://evil.example',
    'https://tracker.example.nl.evil.example',
    'http://tracker.example.nl',
    'https://tracker.example.nl:8443',
  ])('refuses the origin %p', (origin) => {
    expect(csrfFailure({ csrf: '1', origin }, allowed)).toBe('origin');
  });
});
