import type { Readable } from 'node:stream';

/**
 * Where files the product keeps are stored (evidence attachments): under a key the caller
 * chooses (`<programme>/<id>`), written once, read as a stream. Local disk by default
 * (ATTACHMENT_STORAGE=local, under ATTACHMENT_DIR), or an S3-compatible bucket.
 */
export interface FileStorage {
  /** Stores `data` under `key`, completely or not at all. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The file under `key`; throws when there is none. */
  open(key: string): Promise<Readable>;
  /** Removes the file under `key`; nothing when there is none. */
  remove(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Keys are made by the product, never by a client: letters, digits, `-`, `_`, `/` and `.`. */
export function assertStorageKey(key: string): void {
  if (
    !/^[a-z0-9_-]+(\/[a-z0-9_.-]+)*$/i.test(key) ||
    key.split('/').some((part) => part === '..')
  ) {
    throw new Error(`not a storage key: ${key}`);
  }
}
