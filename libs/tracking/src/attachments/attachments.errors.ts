import { DomainError } from '@app/core';

export const AttachmentErrors = {
  /** Also for one outside the caller's programmes: ids cannot be probed. */
  notFound: () => new DomainError('not_found', 'ATTACHMENT_NOT_FOUND', 'No such attachment.'),
  deleted: () =>
    new DomainError(
      'not_found',
      'ATTACHMENT_DELETED',
      'This attachment was deleted; its record stays in the history.',
    ),
  fileMissing: () =>
    new DomainError(
      'invalid_input',
      'ATTACHMENT_FILE_MISSING',
      'Send the file in the field "file".',
      [{ name: 'file', reason: 'is missing' }],
    ),
  fileEmpty: () =>
    new DomainError('invalid_input', 'ATTACHMENT_FILE_EMPTY', 'The file is empty.', [
      { name: 'file', reason: 'is empty' },
    ]),
  tooLarge: (maxBytes: number) =>
    new DomainError(
      'payload_too_large',
      'ATTACHMENT_TOO_LARGE',
      `The file is larger than ${maxBytes} bytes (ATTACHMENT_MAX_BYTES).`,
    ),
  typeNotAllowed: () =>
    new DomainError(
      'unsupported_media_type',
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'Only PDF, Word, Excel, PowerPoint, OpenDocument, Outlook messages and images (PNG, JPEG, GIF, WebP, TIFF) can be attached; what the file contains decides, not its name.',
    ),
  notMultipart: () =>
    new DomainError(
      'unsupported_media_type',
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data, in the field "file".',
    ),
  tooMany: (max: number) =>
    new DomainError(
      'conflict',
      'TOO_MANY_ATTACHMENTS',
      `At most ${max} attachments each: delete one that is no longer needed first.`,
    ),
  notCitable: (ids: readonly string[]) =>
    new DomainError(
      'invalid_input',
      'ATTACHMENT_NOT_CITABLE',
      'Cite only attachments of this action that are not deleted.',
      ids.map((id) => ({ name: 'evidence', reason: `${id} is no attachment of this action` })),
    ),
} as const;
