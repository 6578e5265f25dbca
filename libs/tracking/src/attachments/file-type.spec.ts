import ExcelJS from 'exceljs';
import { detectFileType, safeFilename, zipEntryNames } from './file-type';

/** A ZIP of stored (uncompressed) entries, as an OpenDocument writes its `mimetype` first. */
function storedZip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const typeOf = (data: Buffer, name = 'bestand') => detectFileType(data, name)?.contentType;

describe('detectFileType', () => {
  it('knows the evidence kinds by their bytes', () => {
    expect(typeOf(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(typeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(typeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(typeOf(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(typeOf(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(typeOf(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8]))).toBe('image/tiff');
  });

  it('tells Office documents apart by their parts, OpenDocument by its mimetype', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Blad1').addRow(['a']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect(zipEntryNames(xlsx)).toContain('xl/workbook.xml');
    expect(typeOf(xlsx, 'x.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const docx = storedZip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document/>'],
    ]);
    expect(typeOf(docx)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const odt = storedZip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
    ]);
    expect(typeOf(odt)).toBe('application/vnd.oasis.opendocument.text');
  });

  it('lets the extension choose only among the older Office formats, whose bytes are alike', () => {
    const compound = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(typeOf(compound, 'nota.doc')).toBe('application/msword');
    expect(typeOf(compound, 'begroting.XLS')).toBe('application/vnd.ms-excel');
    expect(typeOf(compound, 'mail.msg')).toBe('application/vnd.ms-outlook');
    expect(typeOf(compound, 'setup.msi')).toBeUndefined();
  });

  it('refuses anything else, whatever its name', () => {
    expect(typeOf(Buffer.from('MZ\x90\x00'), 'besluit.pdf')).toBeUndefined();
    expect(typeOf(Buffer.from('<svg onload="alert(1)"/>'), 'logo.png')).toBeUndefined();
    expect(typeOf(Buffer.from('<!doctype html>'), 'brief.pdf')).toBeUndefined();
    expect(typeOf(storedZip([['evil.js', 'x']]), 'notulen.docx')).toBeUndefined();
    expect(
      typeOf(
        storedZip([
          ['[Content_Types].xml', ''],
          ['other.xml', ''],
        ]),
      ),
    ).toBeUndefined();
    expect(typeOf(Buffer.from('PK\x03\x04 truncated'), 'x.xlsx')).toBeUndefined();
  });
});

describe('safeFilename', () => {
  const pdf = { contentType: 'application/pdf', extension: 'pdf' };
  it('keeps a decent name and drops paths and control characters', () => {
    expect(safeFilename('Besluitenlijst 12-11-2026.pdf', pdf)).toBe(
      'Besluitenlijst 12-11-2026.pdf',
    );
    expect(safeFilename('C:\\Users\\jan\\brief.pdf', pdf)).toBe('brief.pdf');
    expect(safeFilename('../../etc/passwd', pdf)).toBe('passwd.pdf');
    expect(safeFilename('a\u0000b\r\n"c".PDF', pdf)).toBe('abc.PDF');
    expect(safeFilename('...', pdf)).toBe('bijlage.pdf');
    expect(safeFilename('besluit.exe', pdf)).toBe('besluit.exe.pdf');
    expect(safeFilename(`${'x'.repeat(300)}.pdf`, pdf)).toHaveLength(200);
  });
});
