import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { listRoutes, type RouteInfo } from '../src/access/route-access';
import { startApi } from '../../../test/support/e2e';
import { IdentityFixtures } from '../../../test/support/identity-fixtures';

/** The callers of the matrix: every role the issue names, in one programme P unless said. */
const ROLES = [
  'anonymous',
  'viewer',
  'liaison',
  'editorOfOwner',
  'editorOfOther',
  'coordinator',
  'coordinatorOfOther',
  'platformAdmin',
] as const;
type Role = (typeof ROLES)[number];

/** ok: authorised (whatever the handler then answers); 401/403: refused; 404: programme hidden. */
type Outcome = 'ok' | 401 | 403 | 404;
type Profile = Record<Role, Outcome>;

const everyone = (outcome: Outcome): Profile =>
  Object.fromEntries(ROLES.map((role) => [role, outcome])) as Profile;

/** Outcome profiles of the permissions (libs/identity/src/access/permissions.ts). */
const PROFILES = {
  public: everyone('ok'),
  signedIn: { ...everyone('ok'), anonymous: 401 },
  platformAdmin: { ...everyone(403), anonymous: 401, platformAdmin: 'ok' },
  programmeRead: { ...everyone('ok'), anonymous: 401, coordinatorOfOther: 404 },
  programmeCoordinator: {
    anonymous: 401,
    viewer: 403,
    liaison: 403,
    editorOfOwner: 403,
    editorOfOther: 403,
    coordinator: 'ok',
    coordinatorOfOther: 404,
    platformAdmin: 'ok',
  },
  /** A list across programmes: members of any programme (the service narrows it to theirs). */
  memberAnywhere: { ...everyone('ok'), anonymous: 401 },
  /**
   * Recording a commitment: coordinators and editors of any programme; the service then decides
   * on the programme the body names.
   */
  commitmentsCreate: {
    anonymous: 401,
    viewer: 403,
    liaison: 403,
    editorOfOwner: 'ok',
    editorOfOther: 'ok',
    coordinator: 'ok',
    coordinatorOfOther: 'ok',
    platformAdmin: 'ok',
  },
  /** Changing a commitment of P: its coordinators and editors; hidden from other programmes. */
  commitmentsManage: {
    anonymous: 401,
    viewer: 403,
    liaison: 403,
    editorOfOwner: 'ok',
    editorOfOther: 'ok',
    coordinator: 'ok',
    coordinatorOfOther: 404,
    platformAdmin: 'ok',
  },
  /** Changing an action of P or posting progress: its coordinators and the owner's editors. */
  actionOwners: {
    anonymous: 401,
    viewer: 403,
    liaison: 403,
    editorOfOwner: 'ok',
    editorOfOther: 403,
    coordinator: 'ok',
    coordinatorOfOther: 404,
    platformAdmin: 'ok',
  },
  /** Commenting on an action of P: coordinators, editors and liaisons. */
  commenters: {
    anonymous: 401,
    viewer: 403,
    liaison: 'ok',
    editorOfOwner: 'ok',
    editorOfOther: 'ok',
    coordinator: 'ok',
    coordinatorOfOther: 404,
    platformAdmin: 'ok',
  },
  /** Confirming an action of P: liaisons of a partner organisation (and administrators). */
  partnerLiaisons: { ...everyone(403), anonymous: 401, liaison: 'ok', platformAdmin: 'ok' },
  /**
   * Public, but the credential is the browser-session cookie, which no caller of the matrix
   * holds: 401 for all.
   */
  refreshCookie: everyone(401),
  /** The audit log: whoever coordinates a programme (they see its events) and platform administrators. */
  auditReader: {
    ...everyone(403),
    anonymous: 401,
    coordinator: 'ok',
    coordinatorOfOther: 'ok',
    platformAdmin: 'ok',
  },
} satisfies Record<string, Profile>;

/**
 * Every route of the application and who may call it. A route that is not listed here fails
 * the test: adding a route means deciding its row.
 */
const EXPECTED: Record<string, keyof typeof PROFILES> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /v1': 'public',
  'GET /v1/organisations': 'signedIn',
  'GET /v1/organisations/:id': 'signedIn',
  'POST /v1/organisations': 'platformAdmin',
  'PATCH /v1/organisations/:id': 'platformAdmin',
  'GET /v1/users': 'platformAdmin',
  'GET /v1/users/:id': 'platformAdmin',
  'POST /v1/users': 'platformAdmin',
  'PATCH /v1/users/:id': 'platformAdmin',
  'PUT /v1/users/:id/password': 'platformAdmin',
  'GET /v1/identity-providers': 'platformAdmin',
  'POST /v1/identity-providers': 'platformAdmin',
  'GET /v1/identity-providers/:id': 'platformAdmin',
  'PATCH /v1/identity-providers/:id': 'platformAdmin',
  'DELETE /v1/identity-providers/:id': 'platformAdmin',
  'GET /v1/me': 'signedIn',
  'PATCH /v1/me': 'signedIn',
  'PUT /v1/me/password': 'signedIn',
  'POST /v1/auth/login': 'public',
  'POST /v1/auth/refresh': 'public',
  'POST /v1/auth/logout': 'public',
  'POST /v1/auth/browser/login': 'public',
  'POST /v1/auth/browser/refresh': 'refreshCookie',
  'POST /v1/auth/browser/logout': 'public',
  'GET /v1/auth/oidc/providers': 'public',
  'GET /v1/auth/oidc/start': 'public',
  'GET /v1/auth/oidc/callback': 'public',
  'GET /v1/auth/oidc/logout': 'public',
  'POST /v1/auth/oidc/link': 'signedIn',
  'GET /v1/me/calendar-links': 'signedIn',
  'POST /v1/me/calendar-links': 'signedIn',
  'DELETE /v1/me/calendar-links/:id': 'signedIn',
  'GET /v1/calendar-feeds/:key/deadlines.ics': 'public',
  'GET /v1/me/identities': 'signedIn',
  'GET /v1/users/:id/identities': 'platformAdmin',
  'DELETE /v1/users/:id/identities/:identityId': 'platformAdmin',
  'DELETE /v1/me/sessions': 'signedIn',
  'GET /v1/me/api-tokens': 'signedIn',
  'POST /v1/me/api-tokens': 'signedIn',
  'DELETE /v1/me/api-tokens/:id': 'signedIn',
  'GET /v1/programmes': 'signedIn',
  'POST /v1/programmes': 'platformAdmin',
  'GET /v1/programmes/:id': 'programmeRead',
  'PATCH /v1/programmes/:id': 'programmeCoordinator',
  'GET /v1/programmes/:id/tracks': 'programmeRead',
  'POST /v1/programmes/:id/tracks': 'programmeCoordinator',
  'GET /v1/programmes/:id/tracks/:trackId': 'programmeRead',
  'PATCH /v1/programmes/:id/tracks/:trackId': 'programmeCoordinator',
  'DELETE /v1/programmes/:id/tracks/:trackId': 'programmeCoordinator',
  'GET /v1/programmes/:id/members': 'programmeRead',
  'POST /v1/programmes/:id/members': 'programmeCoordinator',
  'GET /v1/programmes/:id/members/:membershipId': 'programmeRead',
  'PATCH /v1/programmes/:id/members/:membershipId': 'programmeCoordinator',
  'DELETE /v1/programmes/:id/members/:membershipId': 'programmeCoordinator',
  'GET /v1/audit-events': 'auditReader',
  'GET /v1/audit-events/export': 'auditReader',
  'GET /v1/audit-events/verify': 'platformAdmin',
  'GET /v1/audit-events/:sequence': 'auditReader',
  'GET /v1/commitments': 'memberAnywhere',
  'POST /v1/commitments': 'commitmentsCreate',
  'GET /v1/commitments/:id': 'programmeRead',
  'PATCH /v1/commitments/:id': 'commitmentsManage',
  'DELETE /v1/commitments/:id': 'commitmentsManage',
  'GET /v1/actions': 'memberAnywhere',
  'POST /v1/actions': 'commitmentsCreate',
  'GET /v1/actions/:id': 'programmeRead',
  'PATCH /v1/actions/:id': 'actionOwners',
  'POST /v1/actions/:id/progress-updates': 'actionOwners',
  'GET /v1/actions/:id/progress-updates': 'programmeRead',
  'POST /v1/actions/:id/comments': 'commenters',
  'GET /v1/actions/:id/comments': 'programmeRead',
  'POST /v1/actions/:id/confirmation': 'partnerLiaisons',
  'POST /v1/actions/:id/verification': 'programmeCoordinator',
  'GET /v1/actions/:id/history': 'programmeRead',
  'POST /v1/actions/:id/attachments': 'actionOwners',
  'GET /v1/actions/:id/attachments': 'programmeRead',
  'POST /v1/commitments/:id/attachments': 'commitmentsManage',
  'GET /v1/commitments/:id/attachments': 'programmeRead',
  // Of an attachment that does not exist: whoever is let in learns ATTACHMENT_NOT_FOUND
  // (attachments.e2e-spec checks the programmes of real ones).
  'GET /v1/attachments/:id': 'memberAnywhere',
  'GET /v1/attachments/:id/content': 'memberAnywhere',
  'DELETE /v1/attachments/:id': 'memberAnywhere',
  'GET /v1/programmes/:id/reminder-policy': 'programmeCoordinator',
  'PUT /v1/programmes/:id/reminder-policy': 'programmeCoordinator',
  'POST /v1/programmes/:id/reminder-policy/preview': 'programmeCoordinator',
  'GET /v1/programmes/:id/webhooks': 'programmeCoordinator',
  'POST /v1/programmes/:id/webhooks': 'programmeCoordinator',
  'GET /v1/programmes/:id/webhooks/:webhookId': 'programmeCoordinator',
  'PATCH /v1/programmes/:id/webhooks/:webhookId': 'programmeCoordinator',
  'DELETE /v1/programmes/:id/webhooks/:webhookId': 'programmeCoordinator',
  'POST /v1/programmes/:id/webhooks/:webhookId/secret-rotations': 'programmeCoordinator',
  'POST /v1/programmes/:id/webhooks/:webhookId/pings': 'programmeCoordinator',
  'GET /v1/programmes/:id/webhooks/:webhookId/deliveries': 'programmeCoordinator',
  'GET /v1/programmes/:id/webhooks/:webhookId/deliveries/:deliveryId': 'programmeCoordinator',
  'POST /v1/programmes/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliveries':
    'programmeCoordinator',
  'GET /v1/programmes/:id/update-rounds': 'programmeRead',
  'POST /v1/programmes/:id/update-rounds': 'programmeCoordinator',
  'GET /v1/programmes/:id/update-rounds/:roundId': 'programmeRead',
  'GET /v1/programmes/:id/update-rounds/:roundId/actions': 'programmeRead',
  'DELETE /v1/programmes/:id/update-rounds/:roundId': 'programmeCoordinator',
  'GET /v1/programmes/:id/reminders': 'programmeCoordinator',
  'GET /v1/programmes/:id/deliveries': 'programmeCoordinator',
  'GET /v1/programmes/:id/deliveries/:deliveryId': 'programmeCoordinator',
  'POST /v1/programmes/:id/deliveries/:deliveryId/retry': 'programmeCoordinator',
  'GET /v1/programmes/:id/open-data': 'public',
  'GET /v1/programmes/:id/open-data/dataset': 'public',
  'GET /v1/me/notifications': 'signedIn',
  'POST /v1/me/notifications/read-all': 'signedIn',
  'POST /v1/me/notifications/:id/read': 'signedIn',
  'GET /v1/me/notification-preferences': 'signedIn',
  'PUT /v1/me/notification-preferences': 'signedIn',
  'GET /v1/system/clock': 'platformAdmin',
  'PUT /v1/system/clock': 'platformAdmin',
  'POST /v1/admin/queue-dashboard/sessions': 'platformAdmin',
  'GET /v1/programmes/:id/deadlines.ics': 'programmeRead',
  'GET /v1/programmes/:id/reports/progress': 'programmeRead',
  'GET /v1/programmes/:id/reports/progress/summary': 'programmeRead',
  'POST /v1/report-exports': 'memberAnywhere',
  'GET /v1/report-exports/:id': 'memberAnywhere',
  'GET /v1/report-exports/:id/file': 'memberAnywhere',
  'GET /v1/programmes/:id/import-template.xlsx': 'programmeCoordinator',
  'GET /v1/programmes/:id/imports': 'programmeCoordinator',
  'POST /v1/programmes/:id/imports': 'programmeCoordinator',
  'GET /v1/programmes/:id/imports/:importId': 'programmeCoordinator',
  'GET /v1/programmes/:id/imports/:importId/rows': 'programmeCoordinator',
  'POST /v1/programmes/:id/imports/:importId/choices': 'programmeCoordinator',
  'POST /v1/programmes/:id/imports/:importId/apply': 'programmeCoordinator',
};

/** Bodies that pass validation, for routes whose service (not the guard) decides who may. */
const VALID_BODIES: Record<string, object> = {
  'POST /v1/actions/:id/progress-updates': { narrative: 'Matrix' },
  'POST /v1/actions/:id/comments': { body: 'Matrix' },
};

/** Routes that end every session of the caller: a new one is made for the routes after them. */
const SESSION_ENDING = new Set(['DELETE /v1/me/sessions']);

/** The browser-session routes refuse a request that is not from the web app's page (CSRF). */
const FROM_THE_WEB_APP = { Origin: 'http://localhost:3000', 'X-CSRF-Protection': '1' };

/**
 * A 404 that hides a resource of another programme (rather than one the handler did not find):
 * the programme's own, or that of a real resource of P that the test points at.
 */
const HIDDEN = new Set(['PROGRAMME_NOT_FOUND', 'COMMITMENT_NOT_FOUND', 'ACTION_NOT_FOUND']);

describe('authorisation matrix: every route × every role', () => {
  let app: NestExpressApplication;
  let routes: RouteInfo[];
  const tokens = new Map<Role, string | undefined>();
  const users = new Map<Role, string>();
  let fixtures: IdentityFixtures;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApi();
    routes = listRoutes(app.get(DiscoveryService), app.get(MetadataScanner));
    fixtures = new IdentityFixtures(app);
    const [owner, other, vng] = [
      await fixtures.organisation('ministry'),
      await fixtures.organisation('ministry'),
      await fixtures.organisation('association'),
    ];
    const [programme, otherProgramme] = [await fixtures.programme(), await fixtures.programme()];
    ids.programme = programme.id;
    ids.organisation = vng.id;
    const member = async (
      role: Role,
      organisationId: string,
      programmeId: string,
      as: 'viewer' | 'liaison' | 'editor' | 'coordinator',
    ) => {
      const actor = await fixtures.user({ organisationId });
      await fixtures.member(programmeId, actor.userId, as);
      tokens.set(role, actor.token);
      users.set(role, actor.userId);
      return actor;
    };
    tokens.set('anonymous', undefined);
    await member('viewer', owner.id, programme.id, 'viewer');
    await member('liaison', vng.id, programme.id, 'liaison');
    await member('editorOfOwner', owner.id, programme.id, 'editor');
    await member('editorOfOther', other.id, programme.id, 'editor');
    const coordinator = await member('coordinator', owner.id, programme.id, 'coordinator');
    await member('coordinatorOfOther', owner.id, otherProgramme.id, 'coordinator');
    const admin = await fixtures.user({ organisationId: owner.id, isPlatformAdmin: true });
    tokens.set('platformAdmin', admin.token);
    users.set('platformAdmin', admin.userId);
    ids.user = coordinator.userId;
    // A commitment of P: its routes decide on the commitment's programme, not on the URL's.
    // Changes without If-Match stop at 428 once authorised, so no request destroys it.
    const [commitment]: { id: string }[] = await app
      .get(DataSource)
      .query(
        `INSERT INTO commitments (programme_id, kind, title) VALUES ($1, 'agenda_item', 'Matrix') RETURNING id`,
        [programme.id],
      );
    ids.commitment = commitment.id;
    // An action of P, owned by the editorOfOwner's organisation, with the liaison's as partner.
    const [track]: { id: string }[] = await app
      .get(DataSource)
      .query(
        `INSERT INTO tracks (programme_id, name, position) VALUES ($1, 'Matrix', 0) RETURNING id`,
        [programme.id],
      );
    const [action]: { id: string }[] = await app.get(DataSource).query(
      `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, deadline)
       VALUES ($1, $2, 'Matrix', $3, '2027-01-01') RETURNING id`,
      [programme.id, track.id, owner.id],
    );
    await app
      .get(DataSource)
      .query(
        `INSERT INTO action_partners (action_id, organisation_id, role) VALUES ($1, $2, 'contributor')`,
        [action.id, vng.id],
      );
    ids.action = action.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('has an expected row for every route, and every row is a route', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(keys.filter((key) => !(key in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !keys.includes(key))).toEqual([]);
  });

  /**
   * Real ids for the programme, organisation, user and commitment; fresh ones for sub-resources,
   * so no request destroys the scene.
   */
  function concretePath(route: RouteInfo): string {
    return route.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
      if (name === 'programmeId' || (name === 'id' && route.path.startsWith('/v1/programmes/')))
        return ids.programme;
      if (name === 'id' && route.path.startsWith('/v1/organisations/')) return ids.organisation;
      if (name === 'id' && route.path.startsWith('/v1/users/')) return ids.user;
      if (name === 'id' && route.path.startsWith('/v1/commitments/')) return ids.commitment;
      if (name === 'id' && route.path.startsWith('/v1/actions/')) return ids.action;
      return randomUUID();
    });
  }

  async function outcomeOf(
    route: RouteInfo,
    role: Role,
  ): Promise<{ outcome: Outcome; status: number; code?: string }> {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const key = `${route.method} ${route.path}`;
    let call = request(app.getHttpServer())[method](concretePath(route));
    const token = tokens.get(role);
    if (token) call = call.set('Authorization', `Bearer ${token}`);
    if (route.path.startsWith('/v1/auth/browser/')) call = call.set(FROM_THE_WEB_APP);
    // An empty body: past the guard it fails validation (400), which still means "authorised".
    // Routes that decide in the service get a valid body, so that the service is reached.
    const body = VALID_BODIES[key] ?? {};
    const res = ['post', 'put', 'patch'].includes(method) ? await call.send(body) : await call;
    const user = users.get(role);
    if (SESSION_ENDING.has(key) && user !== undefined) tokens.set(role, await fixtures.token(user));
    const code = (res.body as { code?: string } | undefined)?.code;
    if (res.status === 401 || res.status === 403)
      return { outcome: res.status, status: res.status, code };
    if (res.status === 404 && code !== undefined && HIDDEN.has(code))
      return { outcome: 404, status: 404, code };
    return { outcome: 'ok', status: res.status, code };
  }

  it('answers every route for every role as the table says', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const profile = PROFILES[EXPECTED[`${route.method} ${route.path}`]];
      if (!profile) continue; // reported by the first test
      for (const role of ROLES) {
        const actual = await outcomeOf(route, role);
        if (actual.outcome !== profile[role]) {
          mismatches.push(
            `${route.method} ${route.path} as ${role}: expected ${profile[role]}, got ${actual.status} ${actual.code ?? ''}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
