import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AccessTokens,
  Passwords,
  PrincipalCache,
  type OrganisationKind,
  type ProgrammeRole,
} from '@app/identity';

export interface Actor {
  userId: string;
  organisationId: string;
  email: string;
  password: string;
  /** A bearer access token of a fresh session. */
  token: string;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1).toString(36)}`;

/**
 * Builds organisations, users, programmes and memberships straight in the database, and
 * mints sessions, so that a test can set the scene before it speaks HTTP like a client.
 */
export class IdentityFixtures {
  private readonly dataSource: DataSource;

  constructor(private readonly app: INestApplication) {
    this.dataSource = app.get<DataSource>(getDataSourceToken());
  }

  async organisation(
    kind: OrganisationKind = 'association',
  ): Promise<{ id: string; code: string }> {
    const code = `T${unique().toUpperCase()}`.slice(0, 16);
    const [row]: { id: string }[] = await this.dataSource.query(
      'INSERT INTO organisations (code, name, kind) VALUES ($1, $2, $3) RETURNING id',
      [code, `Organisation ${code}`, kind],
    );
    return { id: row.id, code };
  }

  async user(
    options: {
      organisationId?: string;
      isPlatformAdmin?: boolean;
      isActive?: boolean;
      email?: string;
      password?: string;
    } = {},
  ): Promise<Actor> {
    const organisationId = options.organisationId ?? (await this.organisation()).id;
    const email = (options.email ?? `user-${unique()}@example.nl`).toLowerCase();
    const password = options.password ?? `Fixture passphrase ${unique()}`;
    const hash = await this.app.get(Passwords).hash(password);
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO users (email, display_name, organisation_id, password_hash, is_platform_admin, is_active)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        email,
        `User ${email}`,
        organisationId,
        hash,
        options.isPlatformAdmin ?? false,
        options.isActive ?? true,
      ],
    );
    return { userId: row.id, organisationId, email, password, token: await this.token(row.id) };
  }

  /** A new session (refresh-token family) for the user and its access token. */
  async token(userId: string): Promise<string> {
    const familyId = randomUUID();
    await this.dataSource.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + interval '1 day')`,
      [userId, familyId, randomUUID().replace(/-/g, '').padEnd(64, '0')],
    );
    return this.app.get(AccessTokens).sign(userId, familyId).accessToken;
  }

  async programme(): Promise<{ id: string; slug: string }> {
    const slug = `programme-${unique()}`;
    const [row]: { id: string }[] = await this.dataSource.query(
      'INSERT INTO programmes (name, slug) VALUES ($1, $2) RETURNING id',
      [`Programme ${slug}`, slug],
    );
    return { id: row.id, slug };
  }

  async member(programmeId: string, userId: string, role: ProgrammeRole): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(
      'INSERT INTO memberships (programme_id, user_id, role) VALUES ($1, $2, $3) RETURNING id',
      [programmeId, userId, role],
    );
    // As the product's writers of memberships do: a principal kept since is read again.
    await this.principalsChanged(userId);
    return row.id;
  }

  /**
   * Tells every API process that these users' principals changed (a new epoch; PrincipalCache),
   * after a test changed their rows in SQL, as the product does after its own changes.
   */
  async principalsChanged(...userIds: string[]): Promise<void> {
    await this.app.get(PrincipalCache).changed(userIds);
  }
}
