import { decide } from './access-policy';
import { Permission, type ProgrammeRole } from './permissions';
import type { Principal } from './principal';

const P1 = 'programme-1';
const P2 = 'programme-2';

function person(roles: Record<string, ProgrammeRole> = {}, isPlatformAdmin = false): Principal {
  return {
    kind: 'user',
    userId: 'u1',
    organisationId: 'org-vng',
    isPlatformAdmin,
    memberships: new Map(Object.entries(roles)),
  };
}

function token(scope: 'read' | 'write', role: ProgrammeRole = 'coordinator'): Principal {
  return {
    ...person({ [P1]: role }),
    kind: 'api_token',
    apiToken: { id: 't', programmeId: P1, scope },
  };
}

describe('decide', () => {
  it('lets anyone through a public route', () => {
    expect(decide(undefined, Permission.Public)).toBe('allow');
  });

  it('asks for credentials everywhere else', () => {
    for (const permission of Object.values(Permission).filter((p) => p !== Permission.Public)) {
      expect(decide(undefined, permission, { programmeId: P1 })).toBe('unauthenticated');
    }
  });

  it('hides a programme the caller is not a member of (404, not 403)', () => {
    expect(
      decide(person({ [P2]: 'coordinator' }), Permission.ProgrammeRead, { programmeId: P1 }),
    ).toBe('not_found');
  });

  it.each([
    ['viewer', Permission.ProgrammeRead, 'allow'],
    ['liaison', Permission.ProgrammeRead, 'allow'],
    ['viewer', Permission.MembersManage, 'forbidden'],
    ['editor', Permission.TracksManage, 'forbidden'],
    ['liaison', Permission.ProgrammeManage, 'forbidden'],
    ['coordinator', Permission.MembersManage, 'allow'],
    ['coordinator', Permission.ProgrammeManage, 'allow'],
  ] as const)('a %s asking %s gets %s', (role, permission, expected) => {
    expect(decide(person({ [P1]: role }), permission, { programmeId: P1 })).toBe(expected);
  });

  it('keeps platform administration to platform administrators', () => {
    expect(decide(person({ [P1]: 'coordinator' }), Permission.PlatformAdmin)).toBe('forbidden');
    expect(decide(person({}, true), Permission.PlatformAdmin)).toBe('allow');
    expect(decide(person({}, true), Permission.MembersManage, { programmeId: P2 })).toBe('allow');
  });

  it('limits an API token to its programme and its scope', () => {
    expect(decide(token('read'), Permission.ProgrammeRead, { programmeId: P1 })).toBe('allow');
    expect(decide(token('read'), Permission.MembersManage, { programmeId: P1 })).toBe('forbidden');
    expect(decide(token('write'), Permission.MembersManage, { programmeId: P1 })).toBe('allow');
    expect(decide(token('write'), Permission.ProgrammeRead, { programmeId: P2 })).toBe('not_found');
    expect(decide(token('write'), Permission.Self)).toBe('forbidden');
    expect(decide(token('write'), Permission.DirectoryRead)).toBe('allow');
  });

  it('keeps webhooks to coordinators and their tokens with write scope', () => {
    expect(decide(token('write'), Permission.WebhooksManage, { programmeId: P1 })).toBe('allow');
    expect(decide(token('read'), Permission.WebhooksManage, { programmeId: P1 })).toBe('forbidden');
    expect(decide(token('write', 'editor'), Permission.WebhooksManage, { programmeId: P1 })).toBe(
      'forbidden',
    );
    expect(decide(token('write'), Permission.WebhooksManage, { programmeId: P2 })).toBe(
      'not_found',
    );
  });

  it('never lets a token do more than its owner may', () => {
    expect(decide(token('write', 'viewer'), Permission.MembersManage, { programmeId: P1 })).toBe(
      'forbidden',
    );
    const adminToken = { ...token('write', 'viewer'), isPlatformAdmin: true };
    expect(decide(adminToken, Permission.PlatformAdmin)).toBe('forbidden');
  });

  describe('the audit log', () => {
    it('lets a coordinator read their programme and hides programmes they are not in', () => {
      const coordinator = person({ [P1]: 'coordinator' });
      expect(decide(coordinator, Permission.AuditRead, { programmeId: P1 })).toBe('allow');
      expect(decide(coordinator, Permission.AuditRead, { programmeId: P2 })).toBe('not_found');
    });

    it.each(['editor', 'liaison', 'viewer'] as const)('refuses the role %s with 403', (role) => {
      expect(decide(person({ [P1]: role }), Permission.AuditRead, { programmeId: P1 })).toBe(
        'forbidden',
      );
    });

    it('answers a read across programmes by whether the caller coordinates any', () => {
      expect(decide(person({ [P1]: 'viewer', [P2]: 'coordinator' }), Permission.AuditRead)).toBe(
        'allow',
      );
      expect(decide(person({ [P1]: 'viewer', [P2]: 'editor' }), Permission.AuditRead)).toBe(
        'forbidden',
      );
      expect(decide(person(), Permission.AuditRead)).toBe('forbidden');
      expect(decide(person({}, true), Permission.AuditRead)).toBe('allow');
    });

    it("lets a coordinator's token read its own programme, also across programmes", () => {
      expect(decide(token('read'), Permission.AuditRead, { programmeId: P1 })).toBe('allow');
      expect(decide(token('read'), Permission.AuditRead, { programmeId: P2 })).toBe('not_found');
      expect(decide(token('read'), Permission.AuditRead)).toBe('allow');
      expect(decide(token('write', 'viewer'), Permission.AuditRead)).toBe('forbidden');
    });

    it("does not make a platform administrator's token see more than its programme", () => {
      const adminToken = { ...token('read', 'viewer'), isPlatformAdmin: true };
      expect(decide(adminToken, Permission.AuditRead)).toBe('forbidden');
      expect(decide(adminToken, Permission.AuditRead, { programmeId: P2 })).toBe('not_found');
    });

    it('keeps verifying the chain to platform administrators in person', () => {
      expect(decide(person({ [P1]: 'coordinator' }), Permission.AuditVerify)).toBe('forbidden');
      expect(decide(person({}, true), Permission.AuditVerify)).toBe('allow');
      expect(decide({ ...token('write'), isPlatformAdmin: true }, Permission.AuditVerify)).toBe(
        'forbidden',
      );
    });
  });
});
