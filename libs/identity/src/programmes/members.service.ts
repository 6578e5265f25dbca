import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { isUniqueViolation, type KeysetPage, mapPage, parseSort, Transactions } from '@app/core';
import type { AddMemberDto } from './dto/add-member.dto';
import { type ListMembersQuery, MEMBER_SORT_KEYS } from './dto/list-members.query';
import type { MemberResponse } from './dto/member.response';
import type { UpdateMemberDto } from './dto/update-member.dto';
import type { MembershipEntity } from './membership.entity';
import { type MemberRecord, MembershipsRepository } from './memberships.repository';
import { ProgrammeAudit } from './programmes.audit';
import { ProgrammeConstraints, ProgrammeErrors } from './programmes.errors';
import { mapMember } from './programmes.mappers';
import { ProgrammesRepository } from './programmes.repository';

/**
 * Who takes part in a programme, in which role. A programme that has an active coordinator
 * keeps one: the last can be neither removed nor demoted. Every change locks the
 * programme first, so two coordinators cannot demote each other at the same moment.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly programmes: ProgrammesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(programmeId: string, query: ListMembersQuery): Promise<KeysetPage<MemberResponse>> {
    if (!(await this.programmes.findById(programmeId))) throw ProgrammeErrors.programmeNotFound();
    const sort = parseSort(query.sort, MEMBER_SORT_KEYS, [
      { key: 'displayName', direction: 'asc' },
    ]);
    const page = await this.memberships.page(
      programmeId,
      { role: query.role },
      { sort, limit: query.limit, cursor: query.cursor },
    );
    return mapPage(page, mapMember);
  }

  async get(programmeId: string, membershipId: string): Promise<MemberResponse> {
    const record = await this.memberships.record(programmeId, membershipId);
    if (!record) throw ProgrammeErrors.memberNotFound();
    return mapMember(record);
  }

  /**
   * Makes an active user, named by id or by e-mail address, a member; one membership per user
   * and programme.
   */
  async add(programmeId: string, dto: AddMemberDto): Promise<MemberResponse> {
    if ((dto.userId === undefined) === (dto.email === undefined)) {
      throw ProgrammeErrors.invalid([
        { name: 'userId', reason: 'send either userId or email, not both and not neither' },
      ]);
    }
    return this.transactions.run(async (manager) => {
      await this.lockProgramme(programmeId, manager);
      const userId = await this.activeUserId(dto, manager);
      if (await this.memberships.existsFor(programmeId, userId, manager))
        throw ProgrammeErrors.memberExists();
      let id: string;
      try {
        id = await this.memberships.insert(programmeId, userId, dto.role, manager);
      } catch (error) {
        if (isUniqueViolation(error, ProgrammeConstraints.membership))
          throw ProgrammeErrors.memberExists();
        throw error;
      }
      const added = await this.mustRecord(programmeId, id, manager);
      await this.audit.record(manager, ProgrammeAudit.memberAdded(added.membership));
      return mapMember(added);
    });
  }

  async changeRole(
    programmeId: string,
    membershipId: string,
    dto: UpdateMemberDto,
  ): Promise<MemberResponse> {
    return this.transactions.run(async (manager) => {
      await this.lockProgramme(programmeId, manager);
      const membership = await this.mustFind(programmeId, membershipId, manager);
      if (membership.role !== dto.role) {
        if (dto.role !== 'coordinator') await this.keepACoordinator(membership, manager);
        await this.memberships.updateRole(membership, dto.role, manager);
      }
      const updated = await this.mustRecord(programmeId, membershipId, manager);
      await this.audit.record(
        manager,
        ProgrammeAudit.memberUpdated(membership, updated.membership),
      );
      return mapMember(updated);
    });
  }

  async remove(programmeId: string, membershipId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.lockProgramme(programmeId, manager);
      const membership = await this.mustFind(programmeId, membershipId, manager);
      await this.keepACoordinator(membership, manager);
      await this.memberships.delete(membership, manager);
      await this.audit.record(manager, ProgrammeAudit.memberRemoved(membership));
    });
  }

  /**
   * Refuses to take away the programme's last active coordinator. A deactivated account
   * coordinates nothing: it neither counts as another coordinator nor is kept for that.
   */
  private async keepACoordinator(
    membership: MembershipEntity,
    manager: EntityManager,
  ): Promise<void> {
    if (membership.role !== 'coordinator') return;
    if (!(await this.memberships.isActiveUser(membership.userId, manager))) return;
    if ((await this.memberships.countActiveCoordinators(membership.programmeId, manager)) <= 1)
      throw ProgrammeErrors.lastCoordinator();
  }

  private async activeUserId(dto: AddMemberDto, manager: EntityManager): Promise<string> {
    if (dto.email !== undefined) {
      const userId = await this.memberships.activeUserIdByEmail(dto.email, manager);
      if (!userId)
        throw ProgrammeErrors.invalid([
          { name: 'email', reason: 'must be the e-mail address of an active user' },
        ]);
      return userId;
    }
    const userId = dto.userId as string;
    if (!(await this.memberships.isActiveUser(userId, manager)))
      throw ProgrammeErrors.invalid([
        { name: 'userId', reason: 'must be the id of an active user' },
      ]);
    return userId;
  }

  private async lockProgramme(programmeId: string, manager: EntityManager): Promise<void> {
    if (!(await this.programmes.lock(programmeId, manager)))
      throw ProgrammeErrors.programmeNotFound();
  }

  private async mustFind(
    programmeId: string,
    membershipId: string,
    manager: EntityManager,
  ): Promise<MembershipEntity> {
    const membership = await this.memberships.find(programmeId, membershipId, manager);
    if (!membership) throw ProgrammeErrors.memberNotFound();
    return membership;
  }

  private async mustRecord(
    programmeId: string,
    membershipId: string,
    manager: EntityManager,
  ): Promise<MemberRecord> {
    const record = await this.memberships.record(programmeId, membershipId, manager);
    if (!record) throw ProgrammeErrors.memberNotFound();
    return record;
  }
}
