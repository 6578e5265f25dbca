/**
 * Text made safe for markup: report and mail text is user input (titles, narratives,
 * comments), and XML and HTML each have characters that would break them.
 */

// Control characters other than tab, newline and carriage return, and the non-characters
// U+FFFE/U+FFFF, are not allowed in XML 1.0: one of them would make an XLSX unreadable.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe for XML and HTML: invalid characters dropped, line ends normalised to `\n`. */
export function cleanText(text: string): string {
  return text.replace(XML_INVALID, '').replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
