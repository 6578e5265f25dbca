import { FileProblem } from '../sheet/raw-cells';

/** A file in a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated (the only two a workbook uses). */
  method: number;
  crc32: number;
  compressedSize: number;
  /** As declared; the reader of the part checks that it inflates to exactly this. */
  uncompressedSize: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

/**
 * No workbook has this many parts; a bomb made of many small parts would. Workbooks with a few
 * hundred sheets and images stay far below it.
 */
const MAX_ENTRIES = 10_000;
/**
 * Deflate reaches ~1000:1 on runs of one byte; real sheet XML, however repetitive, stays well
 * below 100:1. Small parts may compress as they like: they cannot hurt.
 */
const MAX_RATIO = 200;
const RATIO_CHECKED_ABOVE = 1_000_000;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
/** General purpose flags: bit 0 encrypted, bit 6 strong encryption. */
const ENCRYPTION_FLAGS = 0x0041;
/** Compression method 99: WinZip AES. */
const AES_METHOD = 99;

/**
 * Reads a ZIP archive's central directory (never the bytes it points to) and refuses, before
 * anything is inflated, an archive that is encrypted, ZIP64, has too many entries or declares
 * more than `maxUnzippedBytes` or a bomb's compression ratio. Declared sizes can lie; the reader
 * of each part (`readXmlPart`) holds them to what they declare.
 */
export function readZipDirectory(file: Buffer, maxUnzippedBytes: number): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(file);
  if (eocd >= 20 && file.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) {
    throw tooLarge('ZIP64 archives are not read: no workbook within the limits needs one.');
  }
  const count = file.readUInt16LE(eocd + 10);
  const size = file.readUInt32LE(eocd + 12);
  const offset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw tooLarge('ZIP64 archives are not read: no workbook within the limits needs one.');
  }
  if (file.readUInt16LE(eocd + 4) !== 0 || file.readUInt16LE(eocd + 8) !== count) {
    throw unreadable('A ZIP archive split over several disks.');
  }
  if (count > MAX_ENTRIES) throw tooLarge(`The archive has ${count} entries.`);
  if (offset + size > eocd) throw unreadable('The ZIP central directory lies outside the file.');

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > offset + size || file.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw unreadable('The ZIP central directory is damaged.');
    }
    const nameLength = file.readUInt16LE(at + 28);
    const name = file.toString('utf8', at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const entry = {
      name,
      flags: file.readUInt16LE(at + 8),
      method: file.readUInt16LE(at + 10),
      crc32: file.readUInt32LE(at + 16),
      compressedSize: file.readUInt32LE(at + 20),
      uncompressedSize: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    };
    at += CENTRAL_SIZE + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    if (at > offset + size) throw unreadable('The ZIP central directory is damaged.');

    if (entry.flags & ENCRYPTION_FLAGS || entry.method === AES_METHOD) {
      throw new FileProblem('ENCRYPTED_FILE', {}, `The part ${name} is encrypted.`);
    }
    if ([entry.compressedSize, entry.uncompressedSize, entry.localOffset].includes(0xffffffff)) {
      throw tooLarge(`The part ${name} needs ZIP64.`);
    }
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > maxUnzippedBytes) {
      throw tooLarge(`The archive unpacks to more than ${maxUnzippedBytes} bytes.`);
    }
    if (
      entry.uncompressedSize > RATIO_CHECKED_ABOVE &&
      entry.uncompressedSize > MAX_RATIO * entry.compressedSize
    ) {
      throw tooLarge(`The part ${name} claims a compression ratio no workbook has.`);
    }
    if (entries.has(name)) throw unreadable(`The part ${name} occurs twice.`);
    entries.set(name, {
      name,
      method: entry.method,
      crc32: entry.crc32,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      dataOffset: localDataOffset(file, entry.localOffset, offset, entry.compressedSize, name),
    });
  }
  return entries;
}

/** The record ends the file, followed only by its comment (at most 64 KiB). */
function findEndOfCentralDirectory(file: Buffer): number {
  const lowest = Math.max(0, file.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = file.length - EOCD_SIZE; at >= lowest; at--) {
    if (
      file.readUInt32LE(at) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + file.readUInt16LE(at + 20) <= file.length
    ) {
      return at;
    }
  }
  throw unreadable('Not a complete ZIP archive (truncated or damaged).');
}

/**
 * The local header repeats the name and may carry another extra field; the data follows it and
 * must end before the central directory (an entry pointing elsewhere is damaged or crafted).
 */
function localDataOffset(
  file: Buffer,
  localOffset: number,
  centralOffset: number,
  compressedSize: number,
  name: string,
): number {
  if (
    localOffset + LOCAL_SIZE > centralOffset ||
    file.readUInt32LE(localOffset) !== LOCAL_SIGNATURE
  ) {
    throw unreadable(`The local header of ${name} is damaged.`);
  }
  if (file.readUInt16LE(localOffset + 6) & ENCRYPTION_FLAGS) {
    throw new FileProblem('ENCRYPTED_FILE', {}, `The part ${name} is encrypted.`);
  }
  const dataOffset =
    localOffset +
    LOCAL_SIZE +
    file.readUInt16LE(localOffset + 26) +
    file.readUInt16LE(localOffset + 28);
  if (dataOffset + compressedSize > centralOffset) {
    throw unreadable(`The data of ${name} runs past the end of the archive.`);
  }
  return dataOffset;
}

function tooLarge(message: string): FileProblem {
  return new FileProblem('ZIP_TOO_LARGE', {}, message);
}

function unreadable(message: string): FileProblem {
  return new FileProblem('UNREADABLE_FILE', {}, message);
}
