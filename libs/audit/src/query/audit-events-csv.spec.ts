import type { AuditEventResponse } from './audit-event.response';
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvRows } from './audit-events-csv';

const event = (overrides: Partial<AuditEventResponse> = {}): AuditEventResponse => ({
  sequence: 42,
  occurredAt: '2026-11-02T09:30:00.000Z',
  actor: { type: 'user', id: 'u-1', organisationId: null },
  origin: { clientAddress: '192.0.2.10', userAgent: null, requestId: 'r-1', traceId: null },
  operation: 'update',
  result: 'success',
  entityType: 'programme',
  entityId: 'p-1',
  programmeId: 'p-1',
  changes: { name: { old: 'A', new: 'B, "C"' } },
  details: null,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
  ...overrides,
});

describe('audit CSV', () => {
  it('has one header cell per column, CRLF-terminated', () => {
    expect(auditCsvHeader()).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes nulls as empty cells and changes as quoted JSON', () => {
    expect(auditCsvRows([event()])).toBe(
      [
        '42,2026-11-02T09:30:00.000Z,user,u-1,,192.0.2.10,,r-1,,update,success,programme,p-1,p-1',
        '"{""name"":{""old"":""A"",""new"":""B, \\""C\\""""}}"',
        '',
        `${'0'.repeat(64)},${'f'.repeat(64)}\r\n`,
      ].join(','),
    );
  });

  it.each(['=HYPERLINK("http://evil")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a cell starting like a formula: %p',
    (entityId) => {
      const cells = auditCsvRows([event({ entityId })]);
      expect(cells).toContain(`'${entityId.slice(0, 1)}`);
      expect(cells).not.toMatch(new RegExp(`,"?\\${entityId.slice(0, 1)}`));
    },
  );
});
