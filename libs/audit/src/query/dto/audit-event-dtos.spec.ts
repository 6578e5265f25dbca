import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AuditEventParams } from './audit-event.params';
import { ListAuditEventsQuery } from './list-audit-events.query';
import { VerifyAuditChainQuery } from './verify-audit-chain.query';

/** The names of the properties that fail, validated as the global ValidationPipe does. */
const failing = <T extends object>(type: new () => T, plain: object): string[] =>
  validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true })
    .map((error) => error.property)
    .sort();

const UUID = '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10';

describe('audit event DTOs', () => {
  it('takes every filter with the page parameters, and defaults the limit', () => {
    const query = {
      entityType: 'programme_member',
      entityId: 'anything-recorded',
      actor: UUID,
      organisation: UUID,
      programme: UUID,
      operation: 'login_failed',
      occurredFrom: '2026-11-01T00:00:00Z',
      occurredTo: '2026-11-02T00:00:00.123+01:00',
      limit: '10',
      cursor: 'abc_-',
    };
    expect(failing(ListAuditEventsQuery, query)).toEqual([]);
    expect(plainToInstance(ListAuditEventsQuery, {}).limit).toBe(50);
    expect(plainToInstance(ListAuditEventsQuery, { limit: '10' }).limit).toBe(10);
  });

  it('refuses malformed filters, each by name', () => {
    expect(
      failing(ListAuditEventsQuery, {
        entityType: 'Programme',
        actor: 'me',
        organisation: '42',
        programme: [UUID, UUID],
        operation: 'drop',
        occurredFrom: '2026-11-01',
        occurredTo: '2026-02-30T00:00:00Z',
        limit: '201',
        sort: '-sequence',
      }),
    ).toEqual([
      'actor',
      'entityType',
      'limit',
      'occurredFrom',
      'occurredTo',
      'operation',
      'organisation',
      'programme',
      'sort',
    ]);
  });

  it('wants instants with a time zone and at most milliseconds', () => {
    expect(failing(ListAuditEventsQuery, { occurredFrom: '2026-11-01T10:00:00' })).toEqual([
      'occurredFrom',
    ]);
    expect(failing(ListAuditEventsQuery, { occurredFrom: '2026-11-01T10:00:00.1234Z' })).toEqual([
      'occurredFrom',
    ]);
  });

  it('reads sequences as positive integers', () => {
    expect(failing(AuditEventParams, { sequence: '17' })).toEqual([]);
    expect(failing(AuditEventParams, { sequence: '0' })).toEqual(['sequence']);
    expect(failing(AuditEventParams, { sequence: 'export' })).toEqual(['sequence']);
    expect(failing(VerifyAuditChainQuery, { from: '5' })).toEqual([]);
    expect(failing(VerifyAuditChainQuery, { from: '0' })).toEqual(['from']);
    expect(failing(VerifyAuditChainQuery, { from: 'x' })).toEqual(['from']);
  });
});
