import type { AppConfig } from '@app/core';
import type { ImportBody, ImportResponse, ImportRowBody, ImportRowResponse } from '@app/imports';
import type { NotificationBody, NotificationResponse } from '@app/notifications';
import type { UpdateRoundBody, UpdateRoundResponse } from '@app/reminders';
import type { ReportExportBody, ReportExportResponse } from '@app/reporting';
import type {
  ActionBody,
  ActionResponse,
  AttachmentBody,
  AttachmentResponse,
  CommitmentBody,
  CommitmentResponse,
} from '@app/tracking';
import { resourceUrl } from './resource-url';

/**
 * The `_links` and other addresses of the API's resources (README "API conventions"): URLs
 * are HTTP, made here at the public URL; the libs answer ids. Each adds them after the
 * resource's fields, where clients have always found them.
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

/** An update round with its own address and that of its actions. */
export function withRoundLinks(config: AppConfig, round: UpdateRoundBody): UpdateRoundResponse {
  const self = resourceUrl(config, 'programmes', round.programmeId, 'update-rounds', round.id);
  return { ...round, _links: { self: { href: self }, actions: { href: `${self}/actions` } } };
}

/** A notification with the address of the action it is about, when it is about one. */
export function withNotificationLinks(
  config: AppConfig,
  notification: NotificationBody,
): NotificationResponse {
  return {
    ...notification,
    _links: notification.actionId
      ? { action: { href: resourceUrl(config, 'actions', notification.actionId) } }
      : {},
  };
}

/** A report export with its own address and, once it is done, that of its file. */
export function withExportLinks(config: AppConfig, report: ReportExportBody): ReportExportResponse {
  const self = resourceUrl(config, 'report-exports', report.id);
  return {
    ...report,
    _links: {
      self: { href: self },
      ...(report.status === 'done' ? { file: { href: `${self}/file` } } : {}),
    },
  };
}

/** An import with its own address, its rows' and, while it waits to be applied, its apply. */
export function withImportLinks(config: AppConfig, upload: ImportBody): ImportResponse {
  const self = resourceUrl(config, 'programmes', upload.programmeId, 'imports', upload.id);
  return {
    ...upload,
    _links: {
      self: { href: self },
      rows: { href: `${self}/rows` },
      ...(upload.status === 'planned' && { apply: { href: `${self}/apply` } }),
    },
  };
}

/** A row of an import with the address of the action or commitment it made or matched. */
export function withImportRowLinks(config: AppConfig, row: ImportRowBody): ImportRowResponse {
  const { linkedEntity, ...fields } = row;
  return {
    ...fields,
    _links: linkedEntity
      ? { entity: { href: resourceUrl(config, `${linkedEntity.kind}s`, linkedEntity.id) } }
      : {},
  };
}

/** An attachment with the address of its bytes. */
export function withAttachmentUrl(
  config: AppConfig,
  attachment: AttachmentBody,
): AttachmentResponse {
  return {
    ...attachment,
    contentUrl: resourceUrl(config, 'attachments', attachment.id, 'content'),
  };
}

/** The address of a calendar link's feed (its secret is in it: shown once, when made). */
export function calendarFeedUrl(config: AppConfig, secret: string): string {
  return resourceUrl(config, 'calendar-feeds', secret, 'deadlines.ics');
}
