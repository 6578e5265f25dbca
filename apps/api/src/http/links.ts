import type { AppConfig } from '@app/core';
import type { ActionBody, ActionResponse, CommitmentBody, CommitmentResponse } from '@app/tracking';
import { resourceUrl } from './resource-url';

/**
 * The `_links` of the API's resources (README "API conventions"): URLs are HTTP, made here at
 * the public URL; the libs answer ids. Each adds the links after the resource's fields, where
 * clients have always found them.
 */

/** An action with its own address and that of its progress updates. */
export function withActionLinks(config: AppConfig, action: ActionBody): ActionResponse {
  const self = resourceUrl(config, 'actions', action.id);
  return {
    ...action,
    _links: { self: { href: self }, progressUpdates: { href: `${self}/progress-updates` } },
  };
}

/** A commitment with its own address. */
export function withCommitmentLinks(
  config: AppConfig,
  commitment: CommitmentBody,
): CommitmentResponse {
  return {
    ...commitment,
    _links: { self: { href: resourceUrl(config, 'commitments', commitment.id) } },
  };
}
