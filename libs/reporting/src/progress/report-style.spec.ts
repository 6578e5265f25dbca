import {
  HEALTH_SWATCH,
  STATUS_SWATCH,
  contrastRatio,
  formatDateOrMoment,
  formatDay,
  formatMoment,
  formatNumber,
} from './report-style';

describe('report style', () => {
  it('writes a calendar date the Dutch way, and the English way for English reports', () => {
    expect(formatDay('2026-11-15', 'nl')).toBe('15 november 2026');
    expect(formatDay('2026-01-01', 'nl')).toBe('1 januari 2026');
    expect(formatDay('2026-11-15', 'en')).toBe('15 November 2026');
    expect(formatDay('not a date', 'nl')).toBe('not a date');
  });

  it('writes an instant in Dutch time, summer and winter', () => {
    expect(formatMoment('2026-11-15T13:05:00Z', 'nl')).toBe('15 november 2026 om 14:05');
    expect(formatMoment('2026-07-01T22:30:00Z', 'nl')).toBe('2 juli 2026 om 00:30');
    expect(formatMoment('2026-11-15T13:05:00Z', 'en')).toBe('15 November 2026 at 14:05');
    expect(formatDateOrMoment('2026-11-15', 'nl')).toBe('15 november 2026');
    expect(formatDateOrMoment('2026-11-15T13:05:00.000Z', 'nl')).toBe('15 november 2026 om 14:05');
    expect(formatDateOrMoment('Actieagenda', 'nl')).toBe('Actieagenda');
  });

  it('writes numbers with the Dutch separators', () => {
    expect(formatNumber(12345, 'nl')).toBe('12.345');
    expect(formatNumber(0.5, 'nl')).toBe('0,5');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });

  it('gives every status and health colour a text colour with a contrast of at least 4.5:1', () => {
    for (const swatch of [...Object.values(STATUS_SWATCH), ...Object.values(HEALTH_SWATCH)]) {
      expect(contrastRatio(swatch.fill, swatch.text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
  });
});
