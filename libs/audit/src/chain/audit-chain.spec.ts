import {
  type ChainedEvent,
  GENESIS_HASH,
  hashEvent,
  serialiseEvent,
  serialiseEventParts,
} from './audit-chain';
import { canonicalJson } from './canonical-json';

const event: ChainedEvent = {
  sequence: '1',
  occurredAt: '2026-11-23T09:00:00.000Z',
  actorType: 'user',
  actorId: '8c5f1c9e-2f4e-4d7e-9a51-5a3f8f0b6a11',
  actorOrganisationId: null,
  clientAddress: '127.0.0.1',
  userAgent: null,
  requestId: 'r-1',
  traceId: null,
  operation: 'update',
  result: 'success',
  entityType: 'organisation',
  entityId: 'b3c4d5e6-0000-4000-8000-000000000001',
  programmeId: null,
  changes: { name: { old: 'Gemeente Zwolle', new: 'Gemeente Zwolle (VNG)' } },
  details: null,
  prevHash: GENESIS_HASH,
};

describe('the audit hash chain', () => {
  it('leaves NULL columns out of the serialisation and keeps JSON nulls inside values', () => {
    const text = serialiseEvent({ ...event, changes: { kind: { old: null, new: 'province' } } });
    expect(text).not.toContain('actorOrganisationId');
    expect(text).not.toContain('details');
    expect(text).toContain('"kind":{"new":"province","old":null}');
  });

  it('writes the fields in one stable order, whatever order the object was built in', () => {
    const reversed = Object.fromEntries(Object.entries(event).reverse()) as unknown as ChainedEvent;
    expect(serialiseEvent(reversed)).toBe(serialiseEvent(event));
    expect(serialiseEvent(event).startsWith('{"actorId":')).toBe(true);
  });

  it('is the SHA-256 of the UTF-8 bytes, so it can be checked with any tool', () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const expected = createHash('sha256')
      .update(Buffer.from(serialiseEvent(event), 'utf8'))
      .digest('hex');
    expect(hashEvent(event)).toBe(expected);
    expect(hashEvent(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any covered field changes, the previous hash included', () => {
    const base = hashEvent(event);
    expect(hashEvent({ ...event, sequence: '2' })).not.toBe(base);
    expect(hashEvent({ ...event, result: 'failure' })).not.toBe(base);
    expect(hashEvent({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashEvent({ ...event, details: {} })).not.toBe(base);
  });

  it('writes exactly the canonical JSON of the present fields', () => {
    const variants: ChainedEvent[] = [
      event,
      {
        ...event,
        userAgent: 'Zoë’s “browser” \u0007\n',
        details: { reden: 'ongeldig', n: 1.5e-7 },
      },
      {
        ...event,
        changes: { a: { old: [1, 'b', null, { z: true, Y: false }] } },
        traceId: 'f'.repeat(32),
      },
    ];
    for (const variant of variants) {
      const present = Object.fromEntries(
        Object.entries(variant).filter(([, value]) => value !== null && value !== undefined),
      );
      expect(serialiseEvent(variant)).toBe(canonicalJson(present));
    }
  });

  it('splits the serialisation around the time, the previous hash and the sequence, for the database to join', () => {
    const variants: ChainedEvent[] = [
      event,
      { ...event, sequence: '1234567890123', prevHash: 'a'.repeat(64), traceId: 'f'.repeat(32) },
      // Only the chain fields and the NOT NULL columns: no separator may be doubled or lost.
      {
        ...event,
        actorId: null,
        clientAddress: null,
        requestId: null,
        entityId: null,
        changes: null,
        programmeId: 'c'.repeat(8),
      },
      { ...event, userAgent: 'x', details: { prevHash: 'nested', sequence: 7 } },
    ];
    for (const variant of variants) {
      const { sequence, prevHash, occurredAt, ...unchained } = variant;
      const [beforeTime, beforePrevious, beforeSequence, tail] = serialiseEventParts(unchained);
      expect(
        `${beforeTime}${occurredAt}${beforePrevious}${prevHash}${beforeSequence}${sequence}${tail}`,
      ).toBe(serialiseEvent(variant));
    }
  });

  it('refuses a lone surrogate at any level', () => {
    expect(() => serialiseEvent({ ...event, userAgent: '\ud800' })).toThrow();
    expect(() => serialiseEvent({ ...event, changes: { x: { new: '\udc00' } } })).toThrow();
  });

  it('tells an absent value from a null one', () => {
    expect(hashEvent({ ...event, changes: { name: { new: 'x' } } })).not.toBe(
      hashEvent({ ...event, changes: { name: { old: null, new: 'x' } } }),
    );
  });
});
