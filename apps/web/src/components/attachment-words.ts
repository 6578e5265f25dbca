import type { Problem } from '../api/client';
import type { Language, Messages } from '../i18n';
import type { FieldError } from './error-summary';

export const FILE_FIELD = 'bijlage-bestand';
export const DESCRIPTION_FIELD = 'bijlage-omschrijving';

/**
 * The API's default ATTACHMENT_MAX_BYTES (25 MiB). The page checks it to spare a long upload
 * that would be refused; the API decides, and its 413 is said in the same words.
 */
export const MAX_BYTES = 25 * 1024 * 1024;
export const MAX_DESCRIPTION = 500;
/** What a verification may cite at most (VerifyActionBody.evidence). */
export const MAX_EVIDENCE = 20;

/**
 * The extensions of the kinds the API accepts, for the file chooser's filter. A help, not a
 * check: the API reads the kind from the bytes.
 */
export const ACCEPT = [
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.msg',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.tif',
  '.tiff',
].join(',');

/** The kind of a file in words ("PDF", "Word-document"), from the type the API read. */
export function kindInWords(t: Messages, contentType: string): string {
  return t.attachments.kinds[contentType] ?? t.attachments.kindOther(contentType);
}

/** A size as people read it: "812 byte", "12,3 kB", "4,1 MB" (steps of 1024). */
export function sizeInWords(bytes: number, language: Language): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

/** What is wrong with the chosen file before it is sent (GOV.UK file upload errors). */
export function fileProblem(t: Messages, file: File | null): string | null {
  const r = t.attachments.refusals;
  if (!file) return r.fileMissing;
  if (file.size === 0) return r.fileEmpty;
  if (file.size > MAX_BYTES) return r.tooLarge;
  return null;
}

/**
 * The API's refusal of an upload or a deletion, in the person's words: by the problem's
 * `code` (README "Evidence attachments"), then by status; never by the English `detail`.
 */
export function attachmentProblem(
  t: Messages,
  operation: 'upload' | 'remove',
  status: number | undefined,
  problem: Problem | undefined,
): FieldError {
  const r = t.attachments.refusals;
  const onFile = (message: string): FieldError => ({ fieldId: FILE_FIELD, message });
  if (status === undefined) return { message: t.errors.network };
  switch (problem?.code) {
    case 'ATTACHMENT_TOO_LARGE':
    case 'PAYLOAD_TOO_LARGE':
      return onFile(r.tooLarge);
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
      return onFile(r.typeNotAllowed);
    case 'ATTACHMENT_FILE_EMPTY':
      return onFile(r.fileEmpty);
    case 'ATTACHMENT_FILE_MISSING':
      return onFile(r.fileMissing);
    case 'TOO_MANY_ATTACHMENTS':
      return { message: r.tooMany };
  }
  if (problem?.invalidParams?.some((param) => param.name === 'description'))
    return { fieldId: DESCRIPTION_FIELD, message: r.descriptionTooLong };
  if (status === 413) return onFile(r.tooLarge);
  if (status === 403) return { message: r.forbidden };
  if (status === 404) return { message: r.gone };
  if (status === 429) return { message: t.errors.tooManyRequests };
  return { message: operation === 'upload' ? r.uploadFailed : r.removeFailed };
}
