import { isValidCheckpoint, signCheckpoint } from './audit-checkpoint';

describe('audit checkpoints', () => {
  const key = 'k'.repeat(32);
  const checkpoint = signCheckpoint(key, {
    sequence: '42',
    hash: 'a'.repeat(64),
    createdAt: '2026-11-23T10:00:00.000Z',
  });

  it('accepts a checkpoint signed with the key', () => {
    expect(isValidCheckpoint(key, checkpoint)).toBe(true);
    expect(isValidCheckpoint(key, JSON.parse(JSON.stringify(checkpoint)))).toBe(true);
  });

  it('rejects another key, an edited field and malformed input', () => {
    expect(isValidCheckpoint('x'.repeat(32), checkpoint)).toBe(false);
    expect(isValidCheckpoint(key, { ...checkpoint, sequence: '41' })).toBe(false);
    expect(isValidCheckpoint(key, { ...checkpoint, hash: 'b'.repeat(64) })).toBe(false);
    expect(isValidCheckpoint(key, { ...checkpoint, signature: 'zz' })).toBe(false);
    expect(isValidCheckpoint(key, null)).toBe(false);
    expect(isValidCheckpoint(key, 'text')).toBe(false);
  });
});
