/** A kind of evidence file the product accepts, as its bytes say it is. */
export interface FileType {
  contentType: string;
  /** The extension a download gets when the uploaded name has none that fits. */
  extension: string;
}

const PDF: FileType = { contentType: 'application/pdf', extension: 'pdf' };
const PNG: FileType = { contentType: 'image/png', extension: 'png' };
const JPEG: FileType = { contentType: 'image/jpeg', extension: 'jpg' };
const GIF: FileType = { contentType: 'image/gif', extension: 'gif' };
const WEBP: FileType = { contentType: 'image/webp', extension: 'webp' };
const TIFF: FileType = { contentType: 'image/tiff', extension: 'tif' };

/** Office Open XML: a ZIP whose main part says which application made it. */
const OOXML: readonly [string, FileType][] = [
  [
    'word/document.xml',
    {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    },
  ],
  [
    'xl/workbook.xml',
    {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    },
  ],
  [
    'ppt/presentation.xml',
    {
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extension: 'pptx',
    },
  ],
];

/** OpenDocument (the Dutch government's open standard): its `mimetype` part, stored first. */
const ODF: Readonly<Record<string, FileType>> = {
  'application/vnd.oasis.opendocument.text': {
    contentType: 'application/vnd.oasis.opendocument.text',
    extension: 'odt',
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    contentType: 'application/vnd.oasis.opendocument.spreadsheet',
    extension: 'ods',
  },
  'application/vnd.oasis.opendocument.presentation': {
    contentType: 'application/vnd.oasis.opendocument.presentation',
    extension: 'odp',
  },
};

/**
 * The older Office formats share one container (OLE compound file): its bytes say "Office",
 * the extension says which application (and nothing outside these four is accepted).
 */
const COMPOUND: Readonly<Record<string, FileType>> = {
  doc: { contentType: 'application/msword', extension: 'doc' },
  xls: { contentType: 'application/vnd.ms-excel', extension: 'xls' },
  ppt: { contentType: 'application/vnd.ms-powerpoint', extension: 'ppt' },
  msg: { contentType: 'application/vnd.ms-outlook', extension: 'msg' },
};

const startsWith = (data: Buffer, bytes: readonly number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((byte, i) => data[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The names of a ZIP archive's entries (central directory), or null when it is no ZIP. */
export function zipEntryNames(data: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const from = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i -= 1) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > data.length) return null;
    names.push(data.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An OpenDocument's `mimetype`: the first entry, stored, right after its local header. */
function openDocumentType(data: Buffer): FileType | undefined {
  // Local header: signature, ..., method at 8, sizes at 18/22, name length at 26, extra at 28.
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || data.length < 30) return undefined;
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  if (data.toString('latin1', 30, 30 + nameLength) !== 'mimetype' || data.readUInt16LE(8) !== 0) {
    return undefined;
  }
  const size = data.readUInt32LE(22);
  const start = 30 + nameLength + extraLength;
  return ODF[data.toString('latin1', start, start + Math.min(size, 100))];
}

/**
 * What a file is, from its bytes (magic numbers, and for Office and OpenDocument the parts
 * of the archive), never from its name or the type the browser claimed: PDF, PNG, JPEG, GIF,
 * WebP, TIFF, Word/Excel/PowerPoint (Office Open XML and the older format), OpenDocument,
 * Outlook messages. Undefined for anything else.
 */
export function detectFileType(data: Buffer, filename: string): FileType | undefined {
  if (startsWith(data, ascii('%PDF-'))) return PDF;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return GIF;
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return WEBP;
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a])) {
    return TIFF;
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return COMPOUND[extensionOf(filename)];
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const odf = openDocumentType(data);
    if (odf) return odf;
    const names = zipEntryNames(data);
    if (!names?.includes('[Content_Types].xml')) return undefined;
    return OOXML.find(([part]) => names.includes(part))?.[1];
  }
  return undefined;
}

export const extensionOf = (filename: string): string =>
  /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase() ?? '';

/**
 * The name a file is kept and offered under: without a path, control characters or
 * characters Windows refuses, at most 200 characters, and with an extension that fits its
 * type (a PDF uploaded as `besluit.exe` is offered as `besluit.exe.pdf`).
 */
export function safeFilename(uploaded: string, type: FileType): string {
  const base = uploaded.split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{C}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (name.length === 0) name = 'bijlage';
  const ext = extensionOf(name);
  const fits =
    ext === type.extension ||
    (type === JPEG && ext === 'jpeg') ||
    (type === TIFF && ext === 'tiff');
  if (!fits) name = `${name}.${type.extension}`;
  if (name.length > 200)
    name = `${name.slice(0, 200 - type.extension.length - 1)}.${type.extension}`;
  return name;
}
