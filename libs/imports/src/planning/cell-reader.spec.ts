import { ACTION_COLUMNS } from '../sheet/action-columns';
import { COMMITMENT_COLUMNS } from '../sheet/commitment-columns';
import type { SheetColumn } from '../sheet/sheet-columns';
import { normaliseKamerstuk, readCell } from './cell-reader';

const column = (field: string): SheetColumn =>
  [...ACTION_COLUMNS, ...COMMITMENT_COLUMNS].find((c) => c.field === field)!;
const text = (value: string) => ({ kind: 'text' as const, text: value });
const read = (field: string, cell: Parameters<typeof readCell>[1]) =>
  readCell(column(field), cell, 'nl');

describe('reading a cell by its column', () => {
  it('reads dates as typed in Dutch, as ISO, as date cells and as Excel serial numbers', () => {
    for (const cell of [
      text('31-12-2026'),
      text(' 2026-12-31 '),
      text('31 december 2026'),
      { kind: 'date' as const, date: '2026-12-31' },
      { kind: 'number' as const, value: 46387 },
      text('46387'),
    ]) {
      expect(read('deadline', cell)).toEqual({ empty: false, value: '2026-12-31' });
    }
    expect(read('deadline', text('31-02-2026'))).toMatchObject({ error: 'INVALID_DATE' });
  });

  it('reads a choice by its label in either language or its code', () => {
    for (const value of [
      'Deels gerealiseerd',
      'partially met',
      'PARTIALLY_MET',
      'deels-gerealiseerd',
      // The reports' earlier words: a workbook exported before still imports.
      'Deels voldaan',
    ]) {
      expect(read('status', text(value))).toEqual({ empty: false, value: 'partially_met' });
    }
    for (const [value, code] of [
      ['Op schema', 'on_track'],
      ['Vertraagd', 'off_track'],
      ['Niet bepaald', 'not_set'],
      ['Uit koers', 'off_track'],
    ]) {
      expect(read('health', text(value))).toEqual({ empty: false, value: code });
    }
    expect(read('status', text('Afgerond'))).toEqual({ empty: false, value: 'met' });
    expect(read('status', text('Klaar'))).toMatchObject({
      error: 'INVALID_CHOICE',
      params: { allowed: expect.stringContaining('In uitvoering') },
    });
  });

  it('reads a percentage as a whole number, also from a cell formatted as a percentage', () => {
    expect(read('percentComplete', { kind: 'number', value: 0.5 })).toEqual({
      empty: false,
      value: 50,
    });
    // 100 % is stored as 1: only the cell's format tells it from 1 %.
    expect(read('percentComplete', { kind: 'number', value: 1, percent: true })).toEqual({
      empty: false,
      value: 100,
    });
    expect(read('percentComplete', { kind: 'number', value: 0.29, percent: true })).toEqual({
      empty: false,
      value: 29,
    });
    expect(read('percentComplete', { kind: 'number', value: 1 })).toEqual({
      empty: false,
      value: 1,
    });
    expect(read('percentComplete', text('75 %'))).toEqual({ empty: false, value: 75 });
    expect(read('percentComplete', text('101'))).toMatchObject({ error: 'INVALID_PERCENT' });
  });

  it('reads partners with their roles, a contributor when none is said', () => {
    expect(read('partners', text('VNG (mede-eigenaar); IPO: informed;UvW'))).toEqual({
      empty: false,
      value: [
        { organisation: 'VNG', role: 'co_owner' },
        { organisation: 'IPO', role: 'informed' },
        { organisation: 'UvW', role: 'contributor' },
      ],
    });
    expect(read('partners', text('VNG (baas)'))).toMatchObject({ error: 'INVALID_PARTNERS' });
  });

  it('checks tags, lengths, keys and formula cells without their value', () => {
    expect(read('tags', text('Wetgeving, route-35; wetgeving'))).toEqual({
      empty: false,
      value: ['wetgeving', 'route-35'],
    });
    expect(read('tags', text('met spatie'))).toMatchObject({ error: 'INVALID_TAGS' });
    expect(read('title', text('x'.repeat(301)))).toMatchObject({
      error: 'TOO_LONG',
      params: { max: 300 },
    });
    expect(read('key', text('A-12'))).toMatchObject({ error: 'INVALID_KEY' });
    expect(read('title', { kind: 'error', code: 'FORMULA_WITHOUT_VALUE' })).toMatchObject({
      error: 'FORMULA_WITHOUT_VALUE',
    });
    expect(read('title', text('   '))).toEqual({ empty: true });
  });

  it('writes Kamerstuk numbers as stored, however they are typed', () => {
    expect(normaliseKamerstuk('29362-296')).toBe('29362-296');
    expect(normaliseKamerstuk('29362 nr. 296')).toBe('29362-296');
    expect(normaliseKamerstuk('35 896, nr. 10')).toBe('35896-10');
    expect(normaliseKamerstuk('36 200-vii nr 4')).toBe('36200-VII-4');
  });
});
