import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import type { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

describe('LocalFileStorage', () => {
  let root: string;
  let storage: FileStorage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sbt-storage-'));
    storage = new LocalFileStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes a file whole, reads it back, and removes it', async () => {
    await storage.put('programma/bijlage-1', Buffer.from('Besluitenlijst'), 'application/pdf');
    expect(await text(await storage.open('programma/bijlage-1'))).toBe('Besluitenlijst');
    // No temporary file is left beside it.
    expect(await readdir(join(root, 'programma'))).toEqual(['bijlage-1']);
    await storage.remove('programma/bijlage-1');
    await expect(storage.open('programma/bijlage-1')).rejects.toThrow();
    await storage.remove('programma/bijlage-1');
  });

  it('refuses keys that leave its directory', async () => {
    await expect(storage.put('../buiten', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      'not a storage key',
    );
    await expect(storage.open('/etc/passwd')).rejects.toThrow('not a storage key');
    await expect(storage.open('a/../../b')).rejects.toThrow('not a storage key');
  });
});
