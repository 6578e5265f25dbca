/**
 * Search (issue 18, item 9) over actions and commitments: PostgreSQL full text with
 * web-search syntax (`"staat van het bestuur" -jeugd`, `or`), every term matched as a word
 * prefix, so `opschaling` finds "opschalingskorting".
 *
 * Dutch stemming and prefixes do not always meet: the stem of a typed prefix need not be a
 * prefix of the stem of the word ("bestuurl" is not one of "bestur", the stem of
 * "bestuurlijke"). So the text is searched twice, both through GIN indexes (migration
 * 1795470600000): stemmed (`search`, Dutch: "gemeenten" finds "gemeente") and as written
 * (`search_simple`, no stemming: "bestuurl" finds "bestuurlijke"); a row matches either.
 */

/** The same tsquery with every lexeme a prefix: `'opschal' & !'jeugd'` → `'opschal':* & !'jeugd':*`. */
const prefixed = (tsquery: string) =>
  `regexp_replace((${tsquery})::text, '''(?:[^'']|'''')*''', '\\&:*', 'g')::tsquery`;

/** SQL: the row `alias` (with `search` and `search_simple` columns) matches the text `param`. */
export function textSearchSql(alias: string, param: string): string {
  return `(${alias}.search @@ ${prefixed(`websearch_to_tsquery('dutch', ${param})`)}
    OR ${alias}.search_simple @@ ${prefixed(`websearch_to_tsquery('simple', ${param})`)})`;
}

/** Something searchable: at least one letter or digit (a 400 otherwise). */
export const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * A Kamerstuk as people write it: `29362-290`, `29362 nr. 290`, `35 896, nr. 10`,
 * `35300-VII-133`, or a dossier alone (`29362`). Its sub-numbers are numbers, Roman numerals
 * (a budget chapter) or one letter.
 */
const PART = String.raw`(?:\d{1,6}|[ivxlcdm]{1,6}|[a-z])`;
const KAMERSTUK = new RegExp(
  String.raw`^\s*(\d{2}\s?\d{3}|\d{2,6})(?:\s*[-,]?\s*(?:(?:nr|no)\.?\s*)?(${PART}(?:\s*-\s*${PART}){0,2}))?\s*$`,
  'i',
);

/**
 * The Kamerstuk a search text names, as references store it (`29362-290`, upper case), or
 * null when the text is not one.
 */
export function kamerstukKey(text: string): string | null {
  const match = KAMERSTUK.exec(text);
  if (!match) return null;
  const dossier = match[1].replace(/\s/g, '');
  const number = match[2]?.replace(/\s/g, '').toUpperCase();
  return number ? `${dossier}-${number}` : dossier;
}

/** SQL: the Kamerstuk `column` is `param`, or a document of that dossier or number. */
export function kamerstukSql(column: string, param: string): string {
  return `(${column} = ${param} OR ${column} LIKE ${param} || '-%')`;
}
