import { cleanText, escapeHtml, winAnsiText } from './render-text';

describe('render text', () => {
  it('keeps Dutch accents and WinAnsi punctuation for the PDF fonts, and replaces the rest', () => {
    expect(winAnsiText('Financiën – coördinatie — “ok” €5')).toBe(
      'Financiën – coördinatie — “ok” €5',
    );
    expect(winAnsiText('e\u0308')).toBe('ë');
    expect(winAnsiText('≥ 3 🚀 中文')).toBe('? 3 ? ??');
  });

  it('drops characters that XML forbids', () => {
    expect(cleanText('a\u0000b\u001Fc\r\nd\uD800')).toBe('abc\nd\uFFFD');
  });

  it('escapes markup and quotes for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
