import { DomainError } from '../errors/domain-error';
import { formatEtag, parseIfMatch } from './version-tag';

function failure(header: string | undefined): { kind: string; code: string } {
  try {
    parseIfMatch(header);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { kind: (error as DomainError).kind, code: (error as DomainError).code };
  }
  throw new Error(`${header} was accepted`);
}

describe('version tags', () => {
  it('round-trips a version through ETag and If-Match', () => {
    expect(formatEtag(7)).toBe('"7"');
    expect(parseIfMatch(formatEtag(7))).toBe(7);
    expect(parseIfMatch(' "12" ')).toBe(12);
  });

  it.each([undefined, '', '   '])('asks for If-Match when it is %p (428)', (header) => {
    expect(failure(header)).toEqual({
      kind: 'precondition_required',
      code: 'PRECONDITION_REQUIRED',
    });
  });

  it.each(['*', 'W/"7"', '7', '"7", "8"', '"0"', '"07"', '"abc"', '"99999999999"', '"-1"'])(
    'refuses %p as no tag of ours (412)',
    (header) => {
      expect(failure(header)).toEqual({ kind: 'precondition_failed', code: 'VERSION_CONFLICT' });
    },
  );
});
