import { DomainError } from '@app/core';

/** The problems of spreadsheet imports. */
export const ImportErrors = {
  notFound: () =>
    new DomainError('not_found', 'IMPORT_NOT_FOUND', 'There is no such import in this programme.'),
  fileMissing: () =>
    new DomainError(
      'invalid_input',
      'IMPORT_FILE_MISSING',
      'Send the spreadsheet as the multipart field "file".',
      [{ name: 'file', reason: 'is required' }],
    ),
  fileTooLarge: (maxBytes: number) =>
    new DomainError(
      'payload_too_large',
      'IMPORT_FILE_TOO_LARGE',
      `The file is larger than ${maxBytes} bytes (IMPORT_MAX_BYTES).`,
    ),
  fileEmpty: () =>
    new DomainError('invalid_input', 'IMPORT_FILE_EMPTY', 'The file is empty.', [
      { name: 'file', reason: 'is empty' },
    ]),
  notPlanned: (status: string) =>
    new DomainError(
      'conflict',
      'IMPORT_NOT_PLANNED',
      `The import is ${status}: only a finished dry run can be changed or applied.`,
    ),
  outdated: () =>
    new DomainError(
      'conflict',
      'IMPORT_OUTDATED',
      'Another import of this programme was applied after this file was uploaded (or is being applied): upload the file again for a dry run of the programme as it is now.',
    ),
  conflictsUnresolved: (count: number) =>
    new DomainError(
      'conflict',
      'IMPORT_CONFLICTS_UNRESOLVED',
      `${count} conflicting ${count === 1 ? 'row has' : 'rows have'} no choice yet: take the sheet's value or keep the app's for each before applying.`,
    ),
  notConflicts: (positions: number[]) =>
    new DomainError(
      'invalid_input',
      'IMPORT_ROW_NOT_A_CONFLICT',
      'Only conflicting rows take a choice.',
      [
        {
          name: 'choices',
          reason: `positions ${positions.join(', ')} are not conflicts of this import`,
        },
      ],
    ),
} as const;
