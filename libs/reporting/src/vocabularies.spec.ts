import { ACTION_STATUSES } from '@app/tracking';
import { PARLIAMENT_STATUS_TERMS, STATUS_PARLIAMENT } from './vocabularies';

describe('vocabularies', () => {
  it('maps every status onto a term of the parliamentary register', () => {
    for (const status of ACTION_STATUSES) {
      expect(PARLIAMENT_STATUS_TERMS).toContain(STATUS_PARLIAMENT[status]);
    }
  });

  it('keeps open actions open (Openstaand) and names each closed state', () => {
    expect(STATUS_PARLIAMENT).toEqual({
      not_started: 'Openstaand',
      in_progress: 'Openstaand',
      met: 'Voldaan',
      partially_met: 'Deels voldaan',
      lapsed: 'Vervallen',
    });
  });

  it('uses every term of the register', () => {
    expect(new Set(Object.values(STATUS_PARLIAMENT))).toEqual(new Set(PARLIAMENT_STATUS_TERMS));
  });
});
