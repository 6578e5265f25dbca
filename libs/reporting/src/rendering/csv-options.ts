/** `comma` (RFC 4180) or `semicolon`, which Excel expects where the decimal sign is a comma. */
export const CSV_SEPARATORS = { comma: ',', semicolon: ';' } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;

/** The csv-stringify options of every CSV the reporting context writes. */
export const csvOptions = (separator: CsvSeparator) =>
  ({
    delimiter: CSV_SEPARATORS[separator],
    // RFC 4180 line breaks; cells with the separator, quotes or line breaks are quoted.
    record_delimiter: 'windows',
    // OWASP "CSV injection": a cell that starts with = + - @ tab or CR gets a leading
    // apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
    escape_formulas: true,
  }) as const;
