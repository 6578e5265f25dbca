/** The file as the upload delivered it. */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A file name fit for a row and a header: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char.charCodeAt(0) >= 32 && char.charCodeAt(0) !== 127 && char !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return clean === '' ? 'upload' : clean;
}
