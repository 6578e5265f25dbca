/** RFC 5545 §3.1: a content line is at most 75 octets, the line break excluded. */
const MAX_OCTETS = 75;

/**
 * Folds an iCalendar text at 75 **octets** (RFC 5545 §3.1). The `ics` package folds at 75
 * characters, so a line of Dutch text with é or ë, or a ✓, came out longer than 75 octets,
 * which strict parsers refuse. Unfolds what is folded, then folds again by octets, never
 * inside a UTF-8 sequence; a continuation line starts with one space.
 */
export function foldOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line has 75 octets; each continuation line a space and 74.
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
