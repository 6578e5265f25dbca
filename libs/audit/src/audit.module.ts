import { Global, Module } from '@nestjs/common';
import { AuditFeed } from './feed/audit-feed';
import { AuditHistory } from './history/audit-history';
import { AuditCheckpointStore } from './checkpoints/audit-checkpoint.store';
import { AuditService } from './recording/audit.service';
import { AuditIntegrityService } from './verification/audit-integrity.service';
import { AuditVerifier } from './verification/audit-verifier';

const AUDIT_SERVICES = [
  AuditService,
  AuditVerifier,
  AuditCheckpointStore,
  AuditIntegrityService,
  AuditHistory,
  AuditFeed,
];

/**
 * The audit log (DESIGN §5). Global, like the core: every context records through the one
 * AuditService, in its own transactions.
 */
@Global()
@Module({
  providers: AUDIT_SERVICES,
  exports: AUDIT_SERVICES,
})
export class AuditModule {}
