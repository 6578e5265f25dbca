import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AuditService } from '@app/audit';
import { APP_CONFIG, FILE_STORAGE, Transactions } from '@app/core';
import type { AppConfig, FileStorage } from '@app/core';
import { assertAllowed, decide, Permission, type Principal } from '@app/identity';
import { authoriseOnAction } from '../actions/action-access';
import { ActionErrors } from '../actions/actions.errors';
import { ActionsRepository } from '../actions/actions.repository';
import { CommitmentErrors } from '../commitments/commitments.errors';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentErrors } from './attachments.errors';
import { type AttachmentSubject, AttachmentsRepository } from './attachments.repository';
import type { AttachmentBody } from './dto/attachment.dto';
import { detectFileType, safeFilename } from './file-type';

/** Attachments per action or commitment that are not deleted. */
export const MAX_ATTACHMENTS = 100;

/** An uploaded file as multer hands it over (in memory, at most ATTACHMENT_MAX_BYTES). */
export interface AttachmentUpload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** What the audit log says of a file: enough to prove later that a file is this one. */
const onRecord = (row: AttachmentEntity) => ({
  id: row.id,
  filename: row.filename,
  contentType: row.contentType,
  sizeBytes: Number(row.sizeBytes),
  sha256: row.sha256,
});

/**
 * Evidence attachments of actions and commitments (issue 21, part 3). The bytes go to the
 * file storage first, then the row and its audit event (on the action or commitment, so its
 * history shows it, with the file's SHA-256: the audit chain vouches that a file is the one
 * uploaded) commit together. Deleting is a soft delete; the bytes are kept.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly attachments: AttachmentsRepository,
    private readonly actions: ActionsRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  private map(row: AttachmentEntity): AttachmentBody {
    return {
      id: row.id,
      programmeId: row.programmeId,
      actionId: row.actionId,
      commitmentId: row.commitmentId,
      filename: row.filename,
      contentType: row.contentType,
      sizeBytes: Number(row.sizeBytes),
      sha256: row.sha256,
      description: row.description,
      uploadedByUserId: row.uploadedByUserId,
      createdAt: row.createdAt.toISOString(),
      deletedAt: row.deletedAt?.toISOString() ?? null,
    };
  }

  async upload(
    principal: Principal,
    subject: AttachmentSubject,
    file: AttachmentUpload | undefined | 'not multipart',
    description: string | undefined,
  ): Promise<AttachmentBody> {
    // Who may, before anything about the request or the file is said.
    const programmeId = await this.authoriseChange(principal, subject);
    if (file === 'not multipart') throw AttachmentErrors.notMultipart();
    if (!file) throw AttachmentErrors.fileMissing();
    if (file.size > this.config.attachments.maxBytes) {
      throw AttachmentErrors.tooLarge(this.config.attachments.maxBytes);
    }
    if (file.size === 0) throw AttachmentErrors.fileEmpty();
    const type = detectFileType(file.buffer, file.originalname);
    if (!type) throw AttachmentErrors.typeNotAllowed();
    const id = randomUUID();
    const storageKey = `${programmeId}/${id}`;
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await this.storage.put(storageKey, file.buffer, type.contentType);
    try {
      const row = await this.transactions.run(async (manager) => {
        // Rights again, on the row as it is now, held until the commit.
        await this.authoriseChange(principal, subject, manager);
        if ((await this.attachments.countActive(manager, subject)) >= MAX_ATTACHMENTS) {
          throw AttachmentErrors.tooMany(MAX_ATTACHMENTS);
        }
        const created = await this.attachments.insert(manager, {
          id,
          programmeId,
          actionId: subject.kind === 'action' ? subject.id : null,
          commitmentId: subject.kind === 'commitment' ? subject.id : null,
          filename: safeFilename(file.originalname, type),
          contentType: type.contentType,
          sizeBytes: String(file.size),
          sha256,
          storageKey,
          description: description ?? '',
          uploadedByUserId: principal.userId,
        });
        await this.audit.record(manager, {
          operation: 'attachment_added',
          entityType: subject.kind,
          entityId: subject.id,
          programmeId,
          details: { attachment: onRecord(created) },
        });
        return created;
      });
      return this.map(row);
    } catch (error) {
      // Nothing refers to the file: it goes (a crash here leaves it, unreferenced).
      await this.storage
        .remove(storageKey)
        .catch((cause: unknown) =>
          this.logger.warn({ err: cause, storageKey }, 'an unreferenced attachment file stays'),
        );
      throw error;
    }
  }

  async list(
    principal: Principal,
    subject: AttachmentSubject,
    includeDeleted: boolean,
  ): Promise<AttachmentBody[]> {
    await this.authoriseRead(principal, subject);
    return (await this.attachments.ofSubject(subject, includeDeleted)).map((row) => this.map(row));
  }

  async get(principal: Principal, id: string): Promise<AttachmentBody> {
    return this.map(await this.readable(principal, id));
  }

  /** The file's bytes and what a download says of them. Deleted: 404 ATTACHMENT_DELETED. */
  async content(
    principal: Principal,
    id: string,
  ): Promise<{ attachment: AttachmentBody; stream: Readable }> {
    const row = await this.readable(principal, id);
    if (row.deletedAt) throw AttachmentErrors.deleted();
    return { attachment: this.map(row), stream: await this.storage.open(row.storageKey) };
  }

  /** A soft delete: gone from the lists and downloads, in the history with its hash. */
  async remove(principal: Principal, id: string): Promise<void> {
    const row = await this.readable(principal, id);
    const subject = subjectOf(row);
    await this.transactions.run(async (manager) => {
      await this.authoriseChange(principal, subject, manager);
      if (!(await this.attachments.softDelete(manager, id, principal.userId))) return;
      await this.audit.record(manager, {
        operation: 'attachment_removed',
        entityType: subject.kind,
        entityId: subject.id,
        programmeId: row.programmeId,
        details: { attachment: onRecord(row) },
      });
    });
  }

  /** The attachment, if the caller may read its action or commitment (404 otherwise). */
  private async readable(principal: Principal, id: string): Promise<AttachmentEntity> {
    const row = await this.attachments.find(id);
    if (
      !row ||
      decide(principal, Permission.TrackingRead, { programmeId: row.programmeId }) !== 'allow'
    ) {
      throw AttachmentErrors.notFound();
    }
    return row;
  }

  private async authoriseRead(principal: Principal, subject: AttachmentSubject): Promise<void> {
    const programmeId =
      subject.kind === 'action'
        ? (await this.actions.findById(subject.id))?.programmeId
        : (await this.commitments.findById(subject.id))?.programmeId;
    if (!programmeId || decide(principal, Permission.TrackingRead, { programmeId }) !== 'allow') {
      throw subject.kind === 'action' ? ActionErrors.notFound() : CommitmentErrors.notFound();
    }
  }

  /**
   * Whether the caller may add or remove the evidence of this action (who may change it:
   * coordinators, editors of an owning organisation) or commitment (coordinators, editors);
   * answers its programme. In a transaction the action is held (a share lock) until the commit.
   */
  private async authoriseChange(
    principal: Principal,
    subject: AttachmentSubject,
    manager?: import('typeorm').EntityManager,
  ): Promise<string> {
    if (subject.kind === 'action') {
      const found = manager
        ? await this.actions.shareWithPartners(manager, subject.id)
        : await this.actions.findWithPartners(subject.id);
      if (!found) throw ActionErrors.notFound();
      authoriseOnAction(principal, Permission.ActionsUpdate, found.action, found.partners);
      return found.action.programmeId;
    }
    const commitment = await this.commitments.findById(subject.id, manager);
    if (
      !commitment ||
      decide(principal, Permission.TrackingRead, { programmeId: commitment.programmeId }) !==
        'allow'
    ) {
      throw CommitmentErrors.notFound();
    }
    assertAllowed(principal, Permission.CommitmentsManage, { programmeId: commitment.programmeId });
    return commitment.programmeId;
  }
}

const subjectOf = (row: AttachmentEntity): AttachmentSubject =>
  row.actionId
    ? { kind: 'action', id: row.actionId }
    : { kind: 'commitment', id: row.commitmentId! };
