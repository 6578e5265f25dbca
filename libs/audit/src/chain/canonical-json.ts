import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16 code units, no whitespace,
 * numbers as ECMAScript prints them, strings as JSON escapes them. Absent (`undefined`) keys
 * are left out; `null` is kept, so the two stay distinct.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('a value that JSON cannot represent');
  return text;
}
