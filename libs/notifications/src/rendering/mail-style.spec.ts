import { readFileSync } from 'node:fs';
import { MAIL_STYLE } from './mail-style';

/** The web app's design tokens (a development dependency: the server does not ship it). */
const tokens = JSON.parse(
  readFileSync(require.resolve('@rijkshuisstijl-community/design-tokens/dist/index.json'), 'utf8'),
) as Record<string, string>;

/** WCAG 2.2 contrast ratio of two #rrggbb colours. */
function contrast(one: string, other: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

describe('MAIL_STYLE', () => {
  it('is the web app house style: the Rijkshuisstijl Community tokens', () => {
    expect(MAIL_STYLE).toEqual({
      fontFamily: tokens.rhcTextFontFamilySans,
      lintblauw: tokens.rhcColorLintblauw500,
      white: tokens.rhcColorWit,
      text: tokens.rhcColorForegroundDefault,
      subtle: tokens.rhcColorForegroundSubtle,
      canvas: tokens.rhcColorCoolGrey100,
      rule: tokens.rhcColorCoolGrey300,
    });
  });

  it.each([
    ['the product name and the button', MAIL_STYLE.white, MAIL_STYLE.lintblauw],
    ['the headings and links', MAIL_STYLE.lintblauw, MAIL_STYLE.white],
    ['the text', MAIL_STYLE.text, MAIL_STYLE.white],
    ['why you get it', MAIL_STYLE.subtle, MAIL_STYLE.white],
    ['the footer', MAIL_STYLE.subtle, MAIL_STYLE.canvas],
    ['the footer links', MAIL_STYLE.lintblauw, MAIL_STYLE.canvas],
  ])('gives %s a contrast of at least 4.5:1', (_what, foreground, background) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });
});
