import { cleanText, escapeHtml } from './render-text';

describe('render text', () => {
  it('drops characters that XML forbids', () => {
    expect(cleanText('a\u0000b\u001Fc\r\nd\uD800')).toBe('abc\nd\uFFFD');
  });

  it('escapes markup and quotes for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
