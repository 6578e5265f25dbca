import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request, { type Response } from 'supertest';
import type { DataSource } from 'typeorm';
import type { ProgrammeRole } from '@app/identity';
import { type Actor, IdentityFixtures } from './identity-fixtures';

/**
 * The cast of a tracking story in one fresh programme: an owning organisation (BZK-like)
 * with an editor, a partner organisation (VNG-like) with a liaison, a coordinator, a viewer,
 * an editor of another organisation, and an outsider who is no member.
 */
export interface TrackingCast {
  programmeId: string;
  trackId: string;
  owner: { id: string; code: string };
  partner: { id: string; code: string };
  other: { id: string; code: string };
  coordinator: Actor;
  editor: Actor;
  otherEditor: Actor;
  liaison: Actor;
  viewer: Actor;
  outsider: Actor;
}

export class TrackingFixtures {
  readonly identity: IdentityFixtures;
  private readonly dataSource: DataSource;

  constructor(private readonly app: INestApplication) {
    this.identity = new IdentityFixtures(app);
    this.dataSource = app.get<DataSource>(getDataSourceToken());
  }

  async cast(): Promise<TrackingCast> {
    const { id: programmeId } = await this.identity.programme();
    const trackId = await this.track(programmeId, 'Onderlinge samenwerking');
    const [owner, partner, other] = await Promise.all([
      this.identity.organisation('ministry'),
      this.identity.organisation('association'),
      this.identity.organisation('province'),
    ]);
    const member = async (organisationId: string, role: ProgrammeRole) => {
      const actor = await this.identity.user({ organisationId });
      await this.identity.member(programmeId, actor.userId, role);
      return actor;
    };
    return {
      programmeId,
      trackId,
      owner,
      partner,
      other,
      coordinator: await member(owner.id, 'coordinator'),
      editor: await member(owner.id, 'editor'),
      otherEditor: await member(other.id, 'editor'),
      liaison: await member(partner.id, 'liaison'),
      viewer: await member(other.id, 'viewer'),
      outsider: await this.identity.user({ organisationId: owner.id }),
    };
  }

  async track(programmeId: string, name: string): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO tracks (programme_id, name, position)
       SELECT $1, $2, count(*) FROM tracks WHERE programme_id = $1 RETURNING id`,
      [programmeId, name],
    );
    return row.id;
  }

  /**
   * A valid body for `POST /v1/actions` in the cast's programme and track, owned by its owning
   * organisation with its partner organisation as a contributor.
   */
  static actionBody(cast: TrackingCast, title: string): Record<string, unknown> {
    return {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      title,
      ownerOrganisationId: cast.owner.id,
      deadline: '2027-06-30',
      partners: [{ organisationId: cast.partner.id, role: 'contributor' }],
    };
  }

  /** Creates an action through the API as `actor`; fails the test unless it is a 201. */
  async action(actor: Actor, body: Record<string, unknown>): Promise<Response> {
    const res = await request(this.app.getHttpServer())
      .post('/v1/actions')
      .set('Authorization', `Bearer ${actor.token}`)
      .send(body);
    if (res.status !== 201)
      throw new Error(`create action: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}
