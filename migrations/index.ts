import { CreateOutboxEvents1795395600000 } from './1795395600000-create-outbox-events';
import { CreateIdentity1795402800000 } from './1795402800000-create-identity';
import { CreateAuditEvents1795417200000 } from './1795417200000-create-audit-events';
import { CreateTracking1795424400000 } from './1795424400000-create-tracking';
import { AuditChainAdvance1795431600000 } from './1795431600000-audit-chain-advance';
import { CommentMentions1795438800000 } from './1795438800000-comment-mentions';
import { CreateNotifications1795442400000 } from './1795442400000-create-notifications';
import { CreateReminders1795446000000 } from './1795446000000-create-reminders';
import { ActionPublic1795449600000 } from './1795449600000-action-public';
import { CreateReporting1795453200000 } from './1795453200000-create-reporting';
import { ActionTimelineHeads1795456800000 } from './1795456800000-action-timeline-heads';
import { CreateIdempotencyKeys1795460400000 } from './1795460400000-create-idempotency-keys';
import { RuntimeRolePrivileges1795462200000 } from './1795462200000-runtime-role-privileges';
import { UserPreviousLogin1795466000000 } from './1795466000000-user-previous-login';
import { ActionOwnerUserIndex1795466600000 } from './1795466600000-action-owner-user-index';
import { NotificationKindReportReady1795468000000 } from './1795468000000-notification-kind-report-ready';
import { ActionRollupWeight1795470000000 } from './1795470000000-action-rollup-weight';
import { CreateImports1795474200000 } from './1795474200000-create-imports';
import { SearchPrefixes1795470600000 } from './1795470600000-search-prefixes';
import { CreateIdentityProviders1795477800000 } from './1795477800000-create-identity-providers';
import { CreateOidcSignIn1795481400000 } from './1795481400000-create-oidc-sign-in';
import { OidcSignInLinks1795485000000 } from './1795485000000-oidc-sign-in-links';
import { CreateCalendarLinks1795488600000 } from './1795488600000-create-calendar-links';
import { CreateWebhooks1795492200000 } from './1795492200000-create-webhooks';
import { CreateAttachments1795495800000 } from './1795495800000-create-attachments';
import { WebhookDisabledBy1795499400000 } from './1795499400000-webhook-disabled-by';
import { WebhookDeliveriesDueIndex1795503000000 } from './1795503000000-webhook-deliveries-due-index';
import { ProgrammeOpenDataLicence1795506600000 } from './1795506600000-programme-open-data-licence';
import { WebhookDeliveriesPurgeIndex1795510200000 } from './1795510200000-webhook-deliveries-purge-index';
import { ReportExportFormatDocx1795513800000 } from './1795513800000-report-export-format-docx';
import { ReportVersionChanges1795524600000 } from './1795524600000-report-version-changes';
import { ReportVersionsBackfill1795528200000 } from './1795528200000-report-versions-backfill';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the apps, the CLI and
 * the tests load the same set from sources or from dist/; a unit test checks nothing is missing.
 */
export const migrations = [
  CreateOutboxEvents1795395600000,
  CreateIdentity1795402800000,
  CreateAuditEvents1795417200000,
  CreateTracking1795424400000,
  AuditChainAdvance1795431600000,
  CommentMentions1795438800000,
  CreateNotifications1795442400000,
  CreateReminders1795446000000,
  ActionPublic1795449600000,
  CreateReporting1795453200000,
  ActionTimelineHeads1795456800000,
  CreateIdempotencyKeys1795460400000,
  RuntimeRolePrivileges1795462200000,
  UserPreviousLogin1795466000000,
  ActionOwnerUserIndex1795466600000,
  NotificationKindReportReady1795468000000,
  ActionRollupWeight1795470000000,
  SearchPrefixes1795470600000,
  CreateImports1795474200000,
  CreateIdentityProviders1795477800000,
  CreateOidcSignIn1795481400000,
  OidcSignInLinks1795485000000,
  CreateCalendarLinks1795488600000,
  CreateWebhooks1795492200000,
  CreateAttachments1795495800000,
  WebhookDisabledBy1795499400000,
  WebhookDeliveriesDueIndex1795503000000,
  ProgrammeOpenDataLicence1795506600000,
  WebhookDeliveriesPurgeIndex1795510200000,
  ReportExportFormatDocx1795513800000,
  ReportVersionChanges1795524600000,
  ReportVersionsBackfill1795528200000,
];
