import { foldOctets } from './fold-octets';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('foldOctets', () => {
  it('folds at 75 octets, not characters, and never inside a character', () => {
    const line = `SUMMARY:Deadline: ${'Financiële verhoudingen ✓ '.repeat(10)}`;
    const folded = foldOctets(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT`);
    const lines = folded.split('\r\n');
    for (const part of lines) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(lines.slice(2, -1).every((part) => part.startsWith(' '))).toBe(true);
    // Unfolded (RFC 5545: drop CRLF and the one space), it is the line again.
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT`);
    expect(folded).not.toContain('\uFFFD');
  });

  it('refolds what was folded by characters, and leaves short lines alone', () => {
    const byCharacters = `DESCRIPTION:${'é'.repeat(63)}\r\n\t${'é'.repeat(30)}`;
    const folded = foldOctets(byCharacters);
    for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(93)}`);
    expect(foldOctets('VERSION:2.0')).toBe('VERSION:2.0');
  });
});
