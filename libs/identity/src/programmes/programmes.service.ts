import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import {
  type InvalidParam,
  isUniqueViolation,
  type KeysetPage,
  mapPage,
  parseSort,
  Transactions,
} from '@app/core';
import type { ProgrammeRole } from '../access/permissions';
import type { Principal } from '../access/principal';
import type { CreateProgrammeDto } from './dto/create-programme.dto';
import { type ListProgrammesQuery, PROGRAMME_SORT_KEYS } from './dto/list-programmes.query';
import type { ProgrammeResponse } from './dto/programme.response';
import type { UpdateProgrammeDto } from './dto/update-programme.dto';
import { MembershipsRepository } from './memberships.repository';
import type { ProgrammeEntity } from './programme.entity';
import { ProgrammeAudit } from './programmes.audit';
import { ProgrammeConstraints, ProgrammeErrors } from './programmes.errors';
import { mapProgramme } from './programmes.mappers';
import { ProgrammesRepository, type ProgrammeValues } from './programmes.repository';
import { definedOnly } from './defined-only';

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly programmes: ProgrammesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The programmes the caller is a member of, with their role in each. A platform
   * administrator in person sees all; an API token only its own programme.
   */
  async list(
    principal: Principal,
    query: ListProgrammesQuery,
  ): Promise<KeysetPage<ProgrammeResponse>> {
    const sort = parseSort(query.sort, PROGRAMME_SORT_KEYS, [{ key: 'name', direction: 'asc' }]);
    const token = principal.apiToken;
    const seesAll = principal.isPlatformAdmin && !token;
    // An API token sees its one programme, and only while its owner is a member there.
    const ids = seesAll
      ? undefined
      : token
        ? [token.programmeId].filter((id) => principal.memberships.has(id))
        : [...principal.memberships.keys()];
    const page = await this.programmes.page(
      { ids, status: query.status },
      { sort, limit: query.limit, cursor: query.cursor },
    );
    return mapPage(page, (programme) => mapProgramme(programme, roleIn(principal, programme)));
  }

  async get(principal: Principal, id: string): Promise<ProgrammeResponse> {
    const programme = await this.programmes.findById(id);
    if (!programme) throw ProgrammeErrors.programmeNotFound();
    return mapProgramme(programme, roleIn(principal, programme));
  }

  /** Creates a programme and, when asked, its first coordinator: both or neither. */
  async create(principal: Principal, dto: CreateProgrammeDto): Promise<ProgrammeResponse> {
    const problems = dateOrderProblems(dto.startDate ?? null, dto.endDate ?? null, 'endDate');
    return this.transactions.run(async (manager) => {
      const coordinator = dto.coordinatorUserId;
      if (coordinator !== undefined && !(await this.memberships.isActiveUser(coordinator, manager)))
        problems.push({ name: 'coordinatorUserId', reason: 'must be the id of an active user' });
      if (problems.length > 0) throw ProgrammeErrors.invalid(problems);

      const id = await this.write(() =>
        this.programmes.insert(
          definedOnly<ProgrammeValues>({
            name: dto.name,
            slug: dto.slug,
            description: dto.description,
            startDate: dto.startDate,
            endDate: dto.endDate,
            status: dto.status,
          }),
          manager,
        ),
      );
      if (coordinator !== undefined)
        await this.memberships.insert(id, coordinator, 'coordinator', manager);
      const created = await this.mustFind(id, manager);
      await this.audit.record(manager, ProgrammeAudit.programmeCreated(created, coordinator));
      const role = coordinator === principal.userId ? 'coordinator' : roleIn(principal, created);
      return mapProgramme(created, role);
    });
  }

  /** Changes the fields sent; null clears a date. */
  async update(
    principal: Principal,
    id: string,
    dto: UpdateProgrammeDto,
  ): Promise<ProgrammeResponse> {
    const changes = definedOnly<Partial<ProgrammeValues>>({
      name: dto.name,
      slug: dto.slug,
      description: dto.description,
      startDate: dto.startDate,
      endDate: dto.endDate,
      status: dto.status,
      openDataLicence: dto.openDataLicence,
    });
    return this.transactions.run(async (manager) => {
      const current = await this.programmes.lock(id, manager);
      if (!current) throw ProgrammeErrors.programmeNotFound();
      const problems = dateOrderProblems(
        changes.startDate !== undefined ? changes.startDate : current.startDate,
        changes.endDate !== undefined ? changes.endDate : current.endDate,
        changes.endDate !== undefined ? 'endDate' : 'startDate',
      );
      if (problems.length > 0) throw ProgrammeErrors.invalid(problems);
      if (Object.keys(changes).length > 0)
        await this.write(() => this.programmes.update(id, changes, manager));
      const updated = await this.mustFind(id, manager);
      await this.audit.record(manager, ProgrammeAudit.programmeUpdated(current, updated));
      return mapProgramme(updated, roleIn(principal, current));
    });
  }

  private async mustFind(id: string, manager: EntityManager): Promise<ProgrammeEntity> {
    const programme = await this.programmes.findById(id, manager);
    if (!programme) throw ProgrammeErrors.programmeNotFound();
    return programme;
  }

  /** Runs a write that may hit the unique slug; a duplicate is the client's 409, never a 500. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isUniqueViolation(error, ProgrammeConstraints.slug)) throw ProgrammeErrors.slugTaken();
      throw error;
    }
  }
}

function roleIn(principal: Principal, programme: ProgrammeEntity): ProgrammeRole | null {
  return principal.memberships.get(programme.id) ?? null;
}

/** A programme cannot end before it starts (also checked by ck_programmes_dates). */
function dateOrderProblems(
  startDate: string | null,
  endDate: string | null,
  field: 'startDate' | 'endDate',
): InvalidParam[] {
  // YYYY-MM-DD strings compare like the dates they name.
  if (startDate !== null && endDate !== null && endDate < startDate) {
    return [
      {
        name: field,
        reason:
          field === 'endDate' ? 'must be on or after startDate' : 'must be on or before endDate',
      },
    ];
  }
  return [];
}
