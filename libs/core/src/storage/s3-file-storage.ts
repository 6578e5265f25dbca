import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import aws4 from 'aws4';
import { assertStorageKey, type FileStorage } from './file-storage';

export interface S3Settings {
  /** The service's address, e.g. `https://s3.eu-central-1.amazonaws.com` or a MinIO's. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, the Dutch government clouds' object
 * stores), path-style, each request signed with AWS Signature Version 4 (`aws4`). Configured
 * with ATTACHMENT_STORAGE=s3 and the ATTACHMENT_S3_* variables.
 */
export class S3FileStorage implements FileStorage {
  private readonly base: URL;

  constructor(private readonly settings: S3Settings) {
    this.base = new URL(settings.endpoint);
  }

  private async send(
    method: 'PUT' | 'GET' | 'DELETE',
    key: string,
    body?: Buffer,
    contentType?: string,
  ) {
    assertStorageKey(key);
    const path = `${this.base.pathname.replace(/\/$/, '')}/${encodeURIComponent(this.settings.bucket)}/${key
      .split('/')
      .map(encodeURIComponent)
      .join('/')}`;
    const signed = aws4.sign(
      {
        host: this.base.host,
        path,
        method,
        service: 's3',
        region: this.settings.region,
        headers: {
          ...(body && { 'Content-Type': contentType ?? 'application/octet-stream' }),
          'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
        },
        ...(body && { body }),
      },
      { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey },
    );
    const response = await fetch(`${this.base.protocol}//${this.base.host}${path}`, {
      method,
      headers: signed.headers as Record<string, string>,
      ...(body && { body: new Uint8Array(body) }),
      redirect: 'error',
    });
    if (!response.ok && !(method === 'DELETE' && response.status === 404)) {
      await response.body?.cancel();
      throw new Error(`object storage answered ${response.status} to ${method} ${key}`);
    }
    return response;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    const response = await this.send('PUT', key, data, contentType);
    await response.body?.cancel();
  }

  async open(key: string): Promise<Readable> {
    const response = await this.send('GET', key);
    if (!response.body) throw new Error(`object storage sent no body for ${key}`);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async remove(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    await response.body?.cancel();
  }
}
