import { safeReturnPath } from './oidc-return-path';

const site = 'https://tracker.example.nl';

describe('safeReturnPath', () => {
  it('keeps a path of the web app, with its query and fragment', () => {
    expect(safeReturnPath('/acties/42?tab=tijdlijn#noot', site)).toBe(
      '/acties/42?tab=tijdlijn#noot',
    );
  });

  it.each([
    undefined,
    '',
    'acties',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    '/aanmelden?terug=/x',
    '/v1/users',
    `/${'a'.repeat(500)}`,
  ])('sends %p to the start page', (value) => {
    expect(safeReturnPath(value, site)).toBe('/');
  });
});
