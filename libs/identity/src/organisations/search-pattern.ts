/**
 * An ILIKE pattern that matches `text` anywhere, with the pattern characters of the search
 * text taken literally (a search for "50%" finds "50%", not "50 anything"). Use with
 * `ESCAPE '\'`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
