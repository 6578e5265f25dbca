import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  type KeysetPage,
  mapPage,
  parseSort,
  SqlState,
  Transactions,
  violatedConstraint,
} from '@app/core';

import { DirectoryErrors } from './directory.errors';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';
import {
  ORGANISATION_SORT_KEYS,
  type ListOrganisationsQuery,
} from './dto/list-organisations.query';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationAudit } from './organisation.audit';
import { mapOrganisation, type OrganisationResponse } from './organisation.response';
import { OrganisationsRepository } from './organisations.repository';

const CODE_UNIQUE = 'uq_organisations_code';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** One page of organisations (the API wraps it in its list envelope). */
  async list(query: ListOrganisationsQuery): Promise<KeysetPage<OrganisationResponse>> {
    const sort = parseSort(query.sort, ORGANISATION_SORT_KEYS, [{ key: 'name', direction: 'asc' }]);
    const page = await this.organisations.page(
      { kind: query.kind, q: query.q },
      { sort, limit: query.limit, cursor: query.cursor },
    );
    return mapPage(page, mapOrganisation);
  }

  async get(id: string): Promise<OrganisationResponse> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw DirectoryErrors.organisationNotFound();
    return mapOrganisation(organisation);
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    try {
      const organisation = await this.transactions.run(async (manager) => {
        const created = await this.organisations.save(
          manager,
          this.organisations.create({ code: dto.code, name: dto.name, kind: dto.kind }),
        );
        await this.audit.record(manager, OrganisationAudit.created(created));
        return created;
      });
      return mapOrganisation(organisation);
    } catch (error) {
      throw this.translate(error, dto.code);
    }
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<OrganisationResponse> {
    try {
      const organisation = await this.transactions.run(async (manager) => {
        const current = await this.organisations.findByIdForUpdate(manager, id);
        if (!current) throw DirectoryErrors.organisationNotFound();
        const before = { ...current };
        if (dto.code !== undefined) current.code = dto.code;
        if (dto.name !== undefined) current.name = dto.name;
        if (dto.kind !== undefined) current.kind = dto.kind;
        const saved = await this.organisations.save(manager, current);
        await this.audit.record(manager, OrganisationAudit.updated(before, saved));
        return saved;
      });
      return mapOrganisation(organisation);
    } catch (error) {
      throw this.translate(error, dto.code);
    }
  }

  /** A duplicate code is the client's conflict, not a server error. */
  private translate(error: unknown, code: string | undefined): unknown {
    if (code !== undefined && violatedConstraint(error, SqlState.uniqueViolation) === CODE_UNIQUE) {
      return DirectoryErrors.organisationCodeTaken(code);
    }
    return error;
  }
}
