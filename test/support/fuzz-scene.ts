import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import fc, { type Arbitrary } from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Actor } from './identity-fixtures';
import type { Schema, SchemaArbitraries } from './schema-arbitraries';
import { type TrackingCast, TrackingFixtures } from './tracking-fixtures';

/**
 * The resources the generated requests act on: a programme the caller coordinates (as a
 * platform administrator, so that every route lets it in), with a track, an action, a
 * commitment, an update round, a report export, a notification and a failed e-mail delivery;
 * and the things a route may change beyond use (another programme, organisation, user and
 * membership), so that what a 2xx changes does not block the routes after it.
 */
export class FuzzScene {
  private counter = 0;

  private constructor(
    private readonly app: INestApplication,
    private readonly db: DataSource,
    readonly fixtures: TrackingFixtures,
    readonly cast: TrackingCast,
    readonly admin: Actor,
    readonly ids: {
      subjectProgramme: string;
      subjectOrganisation: string;
      subjectUser: string;
      subjectMembership: string;
      action: string;
      commitment: string;
      round: string;
      reportExport: string;
      notification: string;
      delivery: string;
      identityProvider: string;
      webhook: string;
      webhookDelivery: string;
      attachment: string;
    },
  ) {}

  static async build(app: INestApplication): Promise<FuzzScene> {
    const db = app.get<DataSource>(getDataSourceToken());
    const fixtures = new TrackingFixtures(app);
    const cast = await fixtures.cast();
    const admin = await fixtures.identity.user({
      organisationId: cast.owner.id,
      isPlatformAdmin: true,
    });
    await fixtures.identity.member(cast.programmeId, admin.userId, 'coordinator');
    const subjectProgramme = (await fixtures.identity.programme()).id;
    await fixtures.identity.member(subjectProgramme, admin.userId, 'coordinator');
    const subjectOrganisation = (await fixtures.identity.organisation('other')).id;
    const subjectUser = await insertUser(db, cast.partner.id, 'subject');
    const subjectMembership = await fixtures.identity.member(
      cast.programmeId,
      subjectUser,
      'viewer',
    );
    const action = await fixtures.action(admin, {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      title: 'Het onderwerp van de proef',
      ownerOrganisationId: cast.owner.id,
      deadline: '2030-06-30',
      partners: [{ organisationId: cast.partner.id, role: 'co_owner' }],
    });
    const scene = new FuzzScene(app, db, fixtures, cast, admin, {
      subjectProgramme,
      subjectOrganisation,
      subjectUser,
      subjectMembership,
      action: action.body.id as string,
      commitment: '',
      round: '',
      reportExport: '',
      notification: '',
      delivery: '',
      identityProvider: '',
      webhook: '',
      webhookDelivery: '',
      attachment: '',
    });
    scene.ids.commitment = await scene.commitment();
    scene.ids.round = await scene.round();
    scene.ids.reportExport = await scene.created('/v1/report-exports', {
      programmeId: cast.programmeId,
      format: 'csv',
    });
    const [notification]: { id: string }[] = await db.query(
      `INSERT INTO notifications (user_id, programme_id, action_id, kind, source_key, reason)
       VALUES ($1, $2, $3, 'overdue', $4, 'coordinator') RETURNING id`,
      [admin.userId, cast.programmeId, scene.ids.action, `fuzz-${randomUUID()}`],
    );
    scene.ids.notification = notification.id;
    const [delivery]: { id: string }[] = await db.query(
      `INSERT INTO email_deliveries (notification_id, user_id, programme_id, state, attempts, last_error)
       VALUES ($1, $2, $3, 'failed', 5, 'mailbox unavailable') RETURNING id`,
      [notification.id, admin.userId, cast.programmeId],
    );
    scene.ids.delivery = delivery.id;
    scene.ids.identityProvider = await scene.identityProvider();
    scene.ids.webhook = await scene.webhook();
    const [webhookDelivery]: { id: string }[] = await db.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, subject, sequence, event, state)
       VALUES ($1, gen_random_uuid(), 'nl.sterk-bestuur.webhook.ping', 'fuzz', 0, '{}', 'failed') RETURNING id`,
      [scene.ids.webhook],
    );
    scene.ids.webhookDelivery = webhookDelivery.id;
    const attachment = await request(app.getHttpServer())
      .post(`/v1/actions/${scene.ids.action}/attachments`)
      .set('Authorization', `Bearer ${await scene.token()}`)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'proef.pdf');
    if (attachment.status !== 201) throw new Error(`attachment: ${attachment.status}`);
    scene.ids.attachment = attachment.body.id as string;
    return scene;
  }

  /** A fresh session of the administrator: a route may have revoked the last one. */
  token(): Promise<string> {
    return this.fixtures.identity.token(this.admin.userId);
  }

  /**
   * Values for the path parameters of `method template`: the scene's resources, or fresh
   * ones where the route uses them up (a DELETE).
   */
  async pathParameters(method: string, template: string): Promise<Record<string, string>> {
    const { cast, ids } = this;
    const route = `${method.toUpperCase()} ${template}`;
    switch (route) {
      case 'DELETE /v1/programmes/{id}/tracks/{trackId}':
        return {
          id: cast.programmeId,
          trackId: await this.fixtures.track(cast.programmeId, `Weg ${this.unique()}`),
        };
      case 'DELETE /v1/programmes/{id}/members/{membershipId}': {
        const user = await insertUser(this.db, cast.other.id, this.unique());
        return {
          id: cast.programmeId,
          membershipId: await this.fixtures.identity.member(cast.programmeId, user, 'viewer'),
        };
      }
      case 'DELETE /v1/commitments/{id}':
        return { id: await this.commitment() };
      case 'DELETE /v1/me/api-tokens/{id}':
        return {
          id: await this.created('/v1/me/api-tokens', {
            name: `Weg ${this.unique()}`,
            programmeId: cast.programmeId,
            scope: 'read',
          }),
        };
      case 'DELETE /v1/identity-providers/{id}':
        return { id: await this.identityProvider() };
      case 'DELETE /v1/programmes/{id}/update-rounds/{roundId}':
        return { id: cast.programmeId, roundId: await this.round() };
      case 'DELETE /v1/programmes/{id}/webhooks/{webhookId}':
        return { id: cast.programmeId, webhookId: await this.webhook() };
      case 'PATCH /v1/programmes/{id}':
        return { id: ids.subjectProgramme };
    }
    const first = template.split('/')[2];
    const byResource: Record<string, string> = {
      organisations: ids.subjectOrganisation,
      users: ids.subjectUser,
      programmes: cast.programmeId,
      commitments: ids.commitment,
      actions: ids.action,
      'report-exports': ids.reportExport,
      'identity-providers': ids.identityProvider,
      me: ids.notification,
      attachments: ids.attachment,
    };
    return {
      id: byResource[first] ?? randomUUID(),
      trackId: cast.trackId,
      membershipId: ids.subjectMembership,
      roundId: ids.round,
      deliveryId: template.includes('{webhookId}') ? ids.webhookDelivery : ids.delivery,
      webhookId: ids.webhook,
      importId: template.includes('{importId}') ? await this.plannedImport() : randomUUID(),
      identityId: randomUUID(),
      // A calendar link's secret: unknown, so a 404 (its checks are calendar-links.e2e-spec).
      key: `sbc_${randomUUID()}`,
    };
  }

  /**
   * A dry run of the programme ready to apply, fresh for each request (this scene runs no
   * worker to make one; an apply uses it up).
   */
  private async plannedImport(): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO imports (programme_id, requester_user_id, filename, size_bytes, lang, status,
                            planned_at, expires_at)
       VALUES ($1, $2, 'fuzz.xlsx', 1, 'nl', 'planned', now(), now() + interval '1 day')
       RETURNING id`,
      [this.cast.programmeId, this.admin.userId],
    );
    return row.id;
  }

  /** Where the current ETag of what `If-Match` guards is read. */
  etagPath(template: string, parameters: Record<string, string>): string {
    if (template.startsWith('/v1/actions/')) return `/v1/actions/${parameters.id}`;
    if (template.startsWith('/v1/commitments/')) return `/v1/commitments/${parameters.id}`;
    if (template.startsWith('/v1/identity-providers/')) {
      return `/v1/identity-providers/${parameters.id}`;
    }
    if (template.includes('/webhooks/{webhookId}')) {
      return `/v1/programmes/${parameters.id}/webhooks/${parameters.webhookId}`;
    }
    if (template.endsWith('/reminder-policy')) {
      return `/v1/programmes/${parameters.id}/reminder-policy`;
    }
    throw new Error(`no ETag known for ${template}`);
  }

  /** Real ids (mostly) for properties and query parameters the scene knows by name. */
  hints = (name: string, schema: Schema): Arbitrary<unknown> | undefined => {
    const { cast, ids, admin } = this;
    const real = (...values: string[]) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.uuid() },
      );
    if (schema.format === 'uuid') {
      if (/^(programmeId|programme)$/.test(name)) return real(cast.programmeId);
      if (/^track(Id|Ids)?$/.test(name)) return real(cast.trackId);
      if (/organisation|^part(y|ies)$/i.test(name)) {
        return real(cast.owner.id, cast.partner.id, cast.other.id);
      }
      if (
        /^(userId|ownerUserId|coordinatorUserId|contactUserIds|mentionedUserIds|user|actor)$/.test(
          name,
        )
      ) {
        return real(admin.userId, ids.subjectUser, cast.editor.userId);
      }
      if (/^commitment(Id)?$/.test(name)) return real(ids.commitment);
      if (/^(parentActionId|actionIds|action|parent)$/.test(name)) return real(ids.action);
      return undefined;
    }
    if (/^(asOf|since)$/.test(name)) {
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .chain((date) => fc.constantFrom(date.toISOString().slice(0, 10), date.toISOString()));
    }
    if (/^tags?$/.test(name) && schema.type === 'string') {
      return fc.constantFrom('wetgeving', 'route-35', 'financiën', 'jeugd');
    }
    if (name === 'email' && schema.type === 'string') {
      return fc.oneof(
        fc.constant(`fuzz-${this.unique()}@example.nl`),
        fc.emailAddress().filter((email) => email.length <= 254),
      );
    }
    if (/password/i.test(name) && schema.type === 'string') {
      return fc.oneof(
        fc.constant(this.admin.password),
        fc.constant('Een lang en sterk wachtwoord voor de proef 2026!'),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
      );
    }
    return undefined;
  };

  /** A commitment's `attributes` are those of its `kind` (README "Commitments"). */
  couplings = {
    CreateCommitmentDto: (body: Record<string, unknown>, generate: SchemaArbitraries) => {
      const kind = String(body.kind);
      const schema = `${kind.replace(/(^|_)([a-z])/g, (_all, _sep, letter: string) => letter.toUpperCase())}Attributes`;
      return generate
        .valid({ $ref: `#/components/schemas/${schema}` })
        .map((attributes) => ({ ...body, attributes }));
    },
  };

  private async commitment(): Promise<string> {
    return this.created('/v1/commitments', {
      programmeId: this.cast.programmeId,
      kind: 'agenda_item',
      title: `Toezegging ${this.unique()}`,
    });
  }

  /** A provider of an organisation of its own (one per organisation). */
  private async identityProvider(): Promise<string> {
    return this.created('/v1/identity-providers', {
      organisationId: (await this.fixtures.identity.organisation('other')).id,
      displayName: `Aanbieder ${this.unique()}`,
      issuer: 'https://login.example.nl/fuzz',
      clientId: 'fuzz',
      clientSecret: 'fuzz-secret',
      allowedDomains: ['example.nl'],
    });
  }

  private async round(): Promise<string> {
    return this.created(`/v1/programmes/${this.cast.programmeId}/update-rounds`, {
      title: `Ronde ${this.unique()}`,
      dueDate: '2040-03-15',
    });
  }

  /**
   * A webhook of the programme, to a public address (nothing is sent: no worker runs). A
   * programme has at most 25: the ones a long run leaves (valid creates, refused DELETEs) are
   * removed first, all but the scene's own, or `npm run test:fuzz` met the limit after about
   * 30 cases of `DELETE …/webhooks/{webhookId}`.
   */
  private async webhook(): Promise<string> {
    await this.db.query(
      'DELETE FROM webhook_subscriptions WHERE programme_id = $1 AND id::text <> $2',
      [this.cast.programmeId, this.ids.webhook],
    );
    return this.created(`/v1/programmes/${this.cast.programmeId}/webhooks`, {
      url: `https://93.184.216.34/fuzz/${this.unique()}`,
      eventTypes: ['nl.sterk-bestuur.action.created'],
    });
  }

  /** POSTs as the administrator; fails unless created. */
  private async created(path: string, body: Record<string, unknown>): Promise<string> {
    const res = await request(this.app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${await this.token()}`)
      .send(body);
    if (res.status !== 201 && res.status !== 202) {
      throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.id as string;
  }

  private unique(): string {
    return `${Date.now().toString(36)}${(this.counter += 1).toString(36)}`;
  }
}

/** A user without a password, straight in the database (no password hashing: it is cheap). */
async function insertUser(db: DataSource, organisationId: string, tag: string): Promise<string> {
  const email = `fuzz-${tag}-${randomUUID()}@example.nl`;
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO users (email, display_name, organisation_id) VALUES ($1, $2, $3) RETURNING id`,
    [email, `Proefpersoon ${tag}`, organisationId],
  );
  return row.id;
}
