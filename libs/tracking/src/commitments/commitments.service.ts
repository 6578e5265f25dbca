import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import {
  amsterdamDate,
  Clock,
  type InvalidParam,
  type KeysetPage,
  mapPage,
  parseSort,
  SqlState,
  Transactions,
  violatedConstraint,
} from '@app/core';
import {
  assertAllowed,
  decide,
  IdentityErrors,
  Permission,
  type Principal,
  programmeScope,
} from '@app/identity';
import { ConcurrencyErrors, parseIfMatch } from '../concurrency';
import { CommitmentAudit, snapshotOf } from './commitment.audit';
import type { CommitmentEntity } from './commitment.entity';
import { type CommitmentBody, mapCommitment, NO_CHILDREN } from './commitment.response';
import { checkCommitmentLinks } from './commitment-checks';
import { CommitmentConstraints, CommitmentErrors } from './commitments.errors';
import { type CommitmentChanges, CommitmentsRepository } from './commitments.repository';
import { plainAttributes, validateAttributes } from './dto/commitment-attributes';
import type { CreateCommitmentDto } from './dto/create-commitment.dto';
import { COMMITMENT_SORT_KEYS, type ListCommitmentsQuery } from './dto/list-commitments.query';
import type { UpdateCommitmentDto } from './dto/update-commitment.dto';
import { emptyRollupSums, rollupOf } from '../rollups/rollup';
import { RollupsReader } from '../rollups/rollups.reader';

/**
 * Commitments (DESIGN §1–§2). Routes let in whoever may read or manage commitments in some
 * programme; this service decides again on the commitment's own programme.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly commitments: CommitmentsRepository,
    private readonly audit: AuditService,
    private readonly rollups: RollupsReader,
    private readonly clock: Clock,
  ) {}

  /** One page of the commitments the caller may read. */
  async list(
    principal: Principal,
    query: ListCommitmentsQuery,
  ): Promise<KeysetPage<CommitmentBody>> {
    const scope = programmeScope(principal, Permission.TrackingRead, query.programme);
    const sort = parseSort(query.sort, COMMITMENT_SORT_KEYS, [
      { key: 'createdAt', direction: 'desc' },
    ]);
    const page = await this.commitments.page(
      {
        programmeIds: scope === 'everywhere' ? undefined : scope,
        kinds: query.kind,
        party: query.party,
        q: query.q,
      },
      { sort, limit: query.limit, cursor: query.cursor },
    );
    const ids = page.items.map((item) => item.id);
    const [children, rollups] = await Promise.all([
      this.commitments.children(ids),
      this.rollups.ofCommitments(ids, this.today()),
    ]);
    return mapPage(page, (item) =>
      mapCommitment(item, children.get(item.id) ?? NO_CHILDREN, rollups.get(item.id)!),
    );
  }

  async get(principal: Principal, id: string): Promise<CommitmentBody> {
    const commitment = this.visible(principal, await this.commitments.findById(id));
    return this.respond(commitment);
  }

  /**
   * Records a commitment in the programme the body names, with its parties, references and
   * lineage. `options.id`: the id it gets (an import gives it beforehand, so that a resumed
   * apply finds out whether the row was created); a new one when absent.
   */
  async create(
    principal: Principal,
    dto: CreateCommitmentDto,
    options: { id?: string } = {},
  ): Promise<CommitmentBody> {
    assertAllowed(principal, Permission.CommitmentsManage, { programmeId: dto.programmeId });
    const attributes = plainAttributes(dto.attributes);
    return this.write(async (manager) => {
      if (!(await this.commitments.programmeExists(dto.programmeId, manager)))
        throw IdentityErrors.notFound('programme');
      const problems = await checkCommitmentLinks(this.commitments, manager, {
        programmeId: dto.programmeId,
        parties: dto.parties,
        leadMinistryId: leadMinistryOf(attributes),
        lineage: dto.lineage,
      });
      if (problems.length > 0) throw CommitmentErrors.invalid(problems);
      const id = await this.commitments.insert(
        {
          id: options.id,
          programmeId: dto.programmeId,
          kind: dto.kind,
          title: dto.title,
          description: dto.description ?? '',
          dateAgreed: dto.dateAgreed ?? null,
          attributes,
        },
        manager,
      );
      if (dto.parties) await this.commitments.replaceParties(id, dto.parties, manager);
      if (dto.references) await this.commitments.replaceReferences(id, dto.references, manager);
      if (dto.lineage) await this.commitments.replaceLineage(id, dto.lineage, manager);
      const created = await this.mustFind(id, manager);
      const children = await this.commitments.childrenOf(id, manager);
      await this.audit.record(
        manager,
        CommitmentAudit.created(created, snapshotOf(created, children)),
      );
      // A new commitment has no actions yet.
      return mapCommitment(created, children, rollupOf(emptyRollupSums()));
    });
  }

  /**
   * Changes the fields sent, if `ifMatch` names the current version; the version moves on by
   * one. `kind` never changes (the DTO refuses it).
   */
  async update(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateCommitmentDto,
  ): Promise<CommitmentBody> {
    return this.write(async (manager) => {
      const current = this.visible(principal, await this.commitments.findById(id, manager));
      const version = this.checkWrite(principal, current, ifMatch);
      const changes: CommitmentChanges = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.dateAgreed !== undefined) changes.dateAgreed = dto.dateAgreed;
      const problems: InvalidParam[] = [];
      if (dto.attributes !== undefined) {
        const validated = validateAttributes(current.kind, dto.attributes);
        problems.push(...validated.problems);
        changes.attributes = validated.attributes;
      }
      if (dto.lineage !== undefined)
        await this.commitments.lockLineage(current.programmeId, manager);
      problems.push(
        ...(await checkCommitmentLinks(this.commitments, manager, {
          programmeId: current.programmeId,
          commitmentId: id,
          parties: dto.parties,
          leadMinistryId: problems.length === 0 ? leadMinistryOf(changes.attributes) : undefined,
          lineage: dto.lineage,
        })),
      );
      if (problems.length > 0) throw CommitmentErrors.invalid(problems);

      if (!(await this.commitments.updateVersioned(id, version, changes, manager)))
        throw ConcurrencyErrors.versionConflict();
      // Read under the row lock the UPDATE holds: every writer of these rows takes it first.
      const before = snapshotOf(current, await this.commitments.childrenOf(id, manager));
      if (dto.parties) await this.commitments.replaceParties(id, dto.parties, manager);
      if (dto.references) await this.commitments.replaceReferences(id, dto.references, manager);
      if (dto.lineage) await this.commitments.replaceLineage(id, dto.lineage, manager);
      const updated = await this.mustFind(id, manager);
      const children = await this.commitments.childrenOf(id, manager);
      await this.audit.record(
        manager,
        CommitmentAudit.updated(updated, before, snapshotOf(updated, children)),
      );
      return updated;
    }).then((updated) => this.respond(updated));
  }

  /**
   * Deletes a commitment, if `ifMatch` names the current version. One that actions carry out
   * or later commitments build on stays (409 COMMITMENT_IN_USE).
   */
  async remove(principal: Principal, id: string, ifMatch: string | undefined): Promise<void> {
    await this.write(async (manager) => {
      const current = this.visible(principal, await this.commitments.findById(id, manager));
      const version = this.checkWrite(principal, current, ifMatch);
      const before = snapshotOf(current, await this.commitments.childrenOf(id, manager));
      if (!(await this.commitments.deleteVersioned(id, version, manager)))
        throw ConcurrencyErrors.versionConflict();
      await this.audit.record(manager, CommitmentAudit.deleted(current, before));
    }, 'delete');
  }

  /** 404 for a commitment that does not exist and for one outside the caller's programmes alike. */
  private visible(principal: Principal, commitment: CommitmentEntity | null): CommitmentEntity {
    if (
      !commitment ||
      decide(principal, Permission.TrackingRead, { programmeId: commitment.programmeId }) !==
        'allow'
    ) {
      throw CommitmentErrors.notFound();
    }
    return commitment;
  }

  /** May the caller change it (403), and did they read this version (428, 412)? */
  private checkWrite(
    principal: Principal,
    commitment: CommitmentEntity,
    ifMatch: string | undefined,
  ): number {
    assertAllowed(principal, Permission.CommitmentsManage, {
      programmeId: commitment.programmeId,
    });
    const version = parseIfMatch(ifMatch);
    if (version !== commitment.version) throw ConcurrencyErrors.versionConflict();
    return version;
  }

  private async respond(commitment: CommitmentEntity): Promise<CommitmentBody> {
    const [children, rollups] = await Promise.all([
      this.commitments.childrenOf(commitment.id),
      this.rollups.ofCommitments([commitment.id], this.today()),
    ]);
    return mapCommitment(commitment, children, rollups.get(commitment.id)!);
  }

  private today(): string {
    return amsterdamDate(this.clock.now());
  }

  private async mustFind(id: string, manager: EntityManager): Promise<CommitmentEntity> {
    const commitment = await this.commitments.findById(id, manager);
    if (!commitment) throw CommitmentErrors.notFound();
    return commitment;
  }

  /**
   * Runs a change in one transaction. A reference that blocks a delete is a 409; a row that
   * vanished under a save (a race the checks cannot see) is a 400; never a 500.
   */
  private async write<T>(
    change: (manager: EntityManager) => Promise<T>,
    operation: 'save' | 'delete' = 'save',
  ): Promise<T> {
    try {
      return await this.transactions.run(change);
    } catch (error) {
      const constraint = violatedConstraint(error, SqlState.foreignKeyViolation);
      if (constraint === CommitmentConstraints.actions) throw CommitmentErrors.inUseByActions();
      if (constraint === CommitmentConstraints.earlier && operation === 'delete')
        throw CommitmentErrors.inUseByLineage();
      if (constraint === CommitmentConstraints.earlier)
        throw CommitmentErrors.invalid([
          { name: 'lineage', reason: 'names a commitment that no longer exists' },
        ]);
      if (constraint === CommitmentConstraints.partyOrganisation)
        throw CommitmentErrors.invalid([
          { name: 'parties', reason: 'names an unknown organisation' },
        ]);
      throw error;
    }
  }
}

function leadMinistryOf(attributes: Record<string, unknown> | undefined): string | undefined {
  const id = attributes?.leadMinistryId;
  return typeof id === 'string' ? id : undefined;
}
