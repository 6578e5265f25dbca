import type { OpenDataFreshness } from '@app/tracking';
import { openDataEtag, openDataLicence } from './open-data-validators';

const freshness: OpenDataFreshness = {
  publicCount: 2,
  publicModified: new Date('2026-11-24T10:12:31.000Z'),
  lastModified: new Date('2026-11-25T08:00:00.000Z'),
};

describe('openDataLicence', () => {
  it('names each licence by data.overheid.nl’s URI', () => {
    expect(openDataLicence('cc0-1.0')).toEqual({
      id: 'cc0-1.0',
      uri: 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
      name: expect.stringContaining('CC0 1.0'),
    });
    expect(openDataLicence('cc-by-4.0').uri).toBe(
      'http://creativecommons.org/licenses/by/4.0/deed.nl',
    );
    expect(openDataLicence('pdm-1.0').uri).toBe(
      'http://creativecommons.org/publicdomain/mark/1.0/deed.nl',
    );
  });

  it('falls back to CC0 for an id it does not know', () => {
    expect(openDataLicence('gpl-3.0').id).toBe('cc0-1.0');
  });
});

describe('openDataEtag', () => {
  const tag = (overrides: Partial<OpenDataFreshness> = {}, licence = 'cc0-1.0', variant = 'json') =>
    openDataEtag(licence, { ...freshness, ...overrides }, variant);

  it('is a weak, quoted tag that stays the same while nothing changes', () => {
    expect(tag()).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(tag()).toBe(tag());
  });

  it('changes with the licence, the public actions, any change, and the variant', () => {
    const others = [
      tag({}, 'cc-by-4.0'),
      tag({ publicCount: 1 }),
      tag({ publicModified: new Date('2026-11-24T10:12:31.001Z') }),
      tag({ publicModified: null }),
      tag({ lastModified: new Date('2026-11-25T08:00:01.000Z') }),
      tag({}, 'cc0-1.0', 'csv comma'),
    ];
    expect(new Set([tag(), ...others]).size).toBe(others.length + 1);
  });
});
