import { createHash } from 'node:crypto';
import { DEFAULT_OPEN_DATA_LICENCE, OPEN_DATA_LICENCES, type OpenDataLicence } from '@app/identity';
import type { OpenDataFreshness } from '@app/tracking';
import type { DatasetLicence } from './open-data-dataset';

/** The licence `id` names, as the payload and the metadata show it. */
export function openDataLicence(id: string): DatasetLicence {
  const known = id in OPEN_DATA_LICENCES ? (id as OpenDataLicence) : DEFAULT_OPEN_DATA_LICENCE;
  return { id: known, ...OPEN_DATA_LICENCES[known] };
}

/**
 * A weak ETag (RFC 9110 §8.8.3) of one representation of the open data: a digest of all it
 * depends on — the licence, the public actions (how many, and the latest change), the latest
 * change of anything they are read from — and `variant`, the format and query that pick the
 * representation. Weak, because two answers with the same tag differ in `generatedAt` (and
 * a CSV in its file name) and are otherwise the same.
 */
export function openDataEtag(
  licence: string,
  freshness: OpenDataFreshness,
  variant: string,
): string {
  const digest = createHash('sha256')
    .update(
      [
        licence,
        freshness.publicCount,
        freshness.publicModified?.toISOString() ?? '',
        freshness.lastModified.toISOString(),
        variant,
      ].join('\n'),
    )
    .digest('base64url')
    .slice(0, 27);
  return `W/"${digest}"`;
}
