import { AuditContext, SYSTEM_ACTOR, traceIdOf } from './audit-context';

describe('AuditContext', () => {
  const origin = { clientAddress: '10.0.0.1', userAgent: 'jest', requestId: 'r', traceId: null };

  it('is the system, with no origin, outside a request', () => {
    expect(AuditContext.current().actor).toEqual(SYSTEM_ACTOR);
    expect(AuditContext.current().origin.requestId).toBeNull();
  });

  it('keeps the request actor across awaits and isolates concurrent requests', async () => {
    const seen = await Promise.all(
      ['u1', 'u2'].map((id) =>
        AuditContext.run(origin, async () => {
          AuditContext.setActor({ type: 'user', id, organisationId: null });
          await new Promise((resolve) => setTimeout(resolve, 5));
          return AuditContext.current().actor.id;
        }),
      ),
    );
    expect(seen).toEqual(['u1', 'u2']);
  });

  it('starts a request as anonymous', () => {
    AuditContext.run(origin, () => expect(AuditContext.current().actor.type).toBe('anonymous'));
  });
});

describe('traceIdOf', () => {
  it('takes the trace id of a valid traceparent', () => {
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('ignores malformed and all-zero trace ids', () => {
    expect(traceIdOf(undefined)).toBeNull();
    expect(traceIdOf('garbage')).toBeNull();
    expect(traceIdOf('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeNull();
    expect(traceIdOf('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01')).toBeNull();
  });
});
