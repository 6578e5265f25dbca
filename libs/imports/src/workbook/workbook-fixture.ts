import type { SheetLanguage } from '../sheet/sheet-columns';
import type { SheetValues, WorkbookContent } from './workbook-content';

/** Test content: the lists of a small programme, and rows given per sheet. */
export function workbookFixture(
  lang: SheetLanguage,
  rows: Partial<WorkbookContent['rows']> = {},
): WorkbookContent {
  const nl = lang === 'nl';
  return {
    lang,
    programmeName: 'Actieagenda Sterk Bestuur',
    generatedAt: new Date('2026-11-20T13:05:00Z'),
    lists: {
      organisations: ['BZK', 'VNG', 'IPO', 'UvW'],
      tracks: ['Sterke basis', 'Digitale overheid'],
      choices: {
        kind: nl
          ? [
              'UDO-traject',
              'BOFv-afspraak',
              'Overhedenoverleg',
              'ROB-advies',
              'Toezegging',
              'Agenda',
            ]
          : [
              'UDO trajectory',
              'BOFv agreement',
              'Overhedenoverleg',
              'ROB advice',
              'Pledge',
              'Agenda',
            ],
        phase: nl
          ? ['Verkenning', 'Ontwerp', 'Besluitvorming', 'Uitvoering']
          : ['Exploration', 'Design', 'Decision', 'Implementation'],
        chamber: nl ? ['Tweede Kamer', 'Eerste Kamer'] : ['House of Representatives', 'Senate'],
        status: nl
          ? ['Niet gestart', 'Lopend', 'Voldaan', 'Deels voldaan', 'Vervallen']
          : ['Not started', 'In progress', 'Met', 'Partially met', 'Lapsed'],
        health: nl
          ? ['Niet bepaald', 'Op koers', 'Risico', 'Vertraagd']
          : ['Not set', 'On track', 'At risk', 'Off track'],
      },
      booleans: nl ? ['ja', 'nee'] : ['yes', 'no'],
    },
    rows: { commitments: [], actions: [], ...rows },
  };
}

/** 40,000 characters: more than a cell holds. */
export const LONG_TEXT = 'Lorem ipsum dolor sit amet. '.repeat(1_500).slice(0, 40_000);

/** Text a spreadsheet would run as a formula if it were typed into a cell. */
export const FORMULA_LOOKING = [
  '=HYPERLINK("https://example.org","klik")',
  '+31 6 12345678',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
];

export const COMMITMENT_ROWS: SheetValues[] = [
  {
    key: '0d5e8a0c-4a8f-4f47-9c1e-2f7f0a1b2c3d',
    version: 3,
    reference: 'K-001',
    kind: 'Toezegging',
    title: 'Eën café voor de Kamer',
    description: LONG_TEXT,
    dateAgreed: '2026-12-31',
    parties: 'VNG; IPO',
    kamerstukken: '29362-296',
    chamber: 'Tweede Kamer',
    pledgeNumber: 'TZ202401-123',
    recommendationNumber: 7,
  },
  ...FORMULA_LOOKING.map((title, index) => ({ reference: `F-${index + 1}`, title })),
];

export const ACTION_ROWS: SheetValues[] = [
  {
    key: '6a1c2d3e-0000-4000-8000-000000000001',
    version: 12,
    reference: 'A-7',
    title: 'Handreiking opstellen',
    track: 'Sterke basis',
    commitment: 'K-001',
    ownerOrganisation: 'VNG',
    ownerUser: 'trekker@vng.example',
    partners: 'IPO (bijdrager)',
    startDate: '2026-01-05',
    deadline: '2027-01-15',
    status: 'Lopend',
    health: 'Op koers',
    percentComplete: 40,
    narrative: 'Regel één\nregel twee',
    tags: 'handreiking; bestuur',
    public: 'ja',
  },
];
