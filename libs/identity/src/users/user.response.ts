import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../access/permissions';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import {
  mapOrganisationSummary,
  OrganisationSummary,
} from '../organisations/organisation.response';
import type { UserEntity } from './user.entity';
import type { MembershipRow } from './users.repository';

/** A user account as the API shows it: never the password hash. */
export class UserResponse {
  @ApiProperty({ format: 'uuid', example: '773ff967-ba75-4bb7-80ed-20bf1213a62f' })
  id!: string;

  @ApiProperty({ format: 'email', example: 'j.jansen@vng.nl' })
  email!: string;

  @ApiProperty({ example: 'Jan Jansen' })
  displayName!: string;

  @ApiProperty({ type: OrganisationSummary })
  organisation!: OrganisationSummary;

  @ApiProperty({ example: true })
  isActive!: boolean;

  @ApiProperty({ example: false })
  isPlatformAdmin!: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last successful log-in; null when the user never signed in.',
    example: '2026-11-24T08:02:17.000Z',
  })
  lastLoginAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:30:00.000Z' })
  updatedAt!: string;
}

export class MeMembership {
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;

  @ApiProperty({ enum: PROGRAMME_ROLES, enumName: 'ProgrammeRole', example: 'liaison' })
  role!: ProgrammeRole;
}

/** The caller's own account, with their role in each of their programmes. */
export class MeResponse extends UserResponse {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'The successful log-in before the latest one (`lastLoginAt`), whichever device either ' +
      'was on; null before a second log-in. "What changed since my last visit": ' +
      '`GET /actions?updatedSince=<previousLoginAt>`.',
    example: '2026-11-20T08:15:00.000Z',
  })
  previousLoginAt!: string | null;

  @ApiProperty({ type: [MeMembership] })
  memberships!: MeMembership[];
}

/** Property by property, so that a new column never leaves the API by accident. */
export function mapUser(user: UserEntity, organisation: OrganisationEntity): UserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisation: mapOrganisationSummary(organisation),
    isActive: user.isActive,
    isPlatformAdmin: user.isPlatformAdmin,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function mapMe(
  user: UserEntity,
  organisation: OrganisationEntity,
  memberships: readonly MembershipRow[],
): MeResponse {
  return {
    ...mapUser(user, organisation),
    previousLoginAt: user.previousLoginAt?.toISOString() ?? null,
    memberships: memberships.map((membership) => ({
      programmeId: membership.programmeId,
      role: membership.role,
    })),
  };
}
