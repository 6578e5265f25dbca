import { cleanText, escapeHtml } from './markup';

describe('markup text', () => {
  it('drops characters that XML forbids', () => {
    expect(cleanText('a\u0000b\u001Fc\r\nd\uD800')).toBe('abc\nd\uFFFD');
  });

  it('escapes markup and quotes for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
