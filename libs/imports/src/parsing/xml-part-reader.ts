import { createInflateRaw, crc32 } from 'node:zlib';
import { FileProblem } from '../sheet/raw-cells';
import type { ZipEntry } from './zip-directory';

/** What is read from a stored (uncompressed) part at a time. */
const STORED_CHUNK = 64 * 1024;
/**
 * A DTD is where entities are declared: billion laughs expands them in memory, an external
 * entity (`SYSTEM "file:///etc/passwd"`) reads a file or a URL. SpreadsheetML never needs one.
 */
const DECLARATION = /<!\s*(?:DOCTYPE|ENTITY)/i;
/** Enough of the previous chunk to catch a declaration split over two. */
const CARRY = 32;

/**
 * The text of one XML part of a ZIP archive, inflated as it is consumed (never whole), held to
 * the size and checksum its directory entry declares, decoded as UTF-8 across chunk boundaries,
 * and refused (`XML_ENTITIES`) as soon as a chunk declares a DTD or an entity, before that chunk
 * reaches any parser.
 */
export async function* readXmlPart(file: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let inflated = 0;
  let checksum = 0;
  let previous = '';
  // Each chunk is held back until the next one is checked: parsers stop reading at the root's
  // end tag, and the size and checksum of the whole part are known only after its last chunk.
  let held = '';
  try {
    for await (const chunk of inflate(file, entry)) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) {
        throw new FileProblem(
          'ZIP_TOO_LARGE',
          {},
          `The part ${entry.name} inflates beyond the ${entry.uncompressedSize} bytes it declares.`,
        );
      }
      checksum = crc32(chunk, checksum);
      const text = decoder.decode(chunk, { stream: true });
      if (DECLARATION.test(previous + text)) {
        throw new FileProblem('XML_ENTITIES', {}, `The part ${entry.name} declares a DTD.`);
      }
      previous = text.slice(-CARRY);
      if (held) yield held;
      held = text;
    }
    held += decoder.decode();
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw Object.assign(
      new FileProblem('UNREADABLE_FILE', {}, `The part ${entry.name} cannot be read.`),
      { cause: error },
    );
  }
  if (inflated !== entry.uncompressedSize || checksum !== entry.crc32) {
    throw new FileProblem('UNREADABLE_FILE', {}, `The part ${entry.name} is damaged.`);
  }
  if (held) yield held;
}

async function* inflate(file: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = file.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += STORED_CHUNK) {
      yield data.subarray(at, at + STORED_CHUNK);
    }
    return;
  }
  if (entry.method !== 8) {
    throw new FileProblem(
      'UNREADABLE_FILE',
      {},
      `The part ${entry.name} uses compression method ${entry.method}.`,
    );
  }
  // The inflater produces output only as it is read (zlib honours the stream's backpressure
  // within one written chunk), so a bomb is stopped after a chunk past its declared size.
  const inflater = createInflateRaw();
  inflater.end(data);
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    yield chunk;
  }
}
