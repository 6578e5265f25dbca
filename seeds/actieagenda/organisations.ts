import type { OrganisationKind } from '@app/identity';

interface OrganisationSeed {
  code: string;
  name: string;
  kind: OrganisationKind;
}

/**
 * The ministries named in the source documents, under today's names and their usual
 * abbreviations (Economische Zaken en Klimaat split into EZ and KGG in 2024; NOVEX and the
 * Nota Ruimte moved to VRO).
 */
const MINISTRIES: readonly OrganisationSeed[] = [
  { code: 'JENV', name: 'Ministerie van Justitie en Veiligheid', kind: 'ministry' },
  { code: 'IENW', name: 'Ministerie van Infrastructuur en Waterstaat', kind: 'ministry' },
  {
    code: 'LNV',
    name: 'Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur',
    kind: 'ministry',
  },
  { code: 'KGG', name: 'Ministerie van Klimaat en Groene Groei', kind: 'ministry' },
  { code: 'EZ', name: 'Ministerie van Economische Zaken', kind: 'ministry' },
  {
    code: 'VRO',
    name: 'Ministerie van Volkshuisvesting en Ruimtelijke Ordening',
    kind: 'ministry',
  },
  { code: 'SZW', name: 'Ministerie van Sociale Zaken en Werkgelegenheid', kind: 'ministry' },
];

/** The twelve provinces, coded PV- plus their ISO 3166-2:NL subdivision code. */
const PROVINCES: readonly OrganisationSeed[] = (
  [
    ['GR', 'Groningen'],
    ['FR', 'Fryslân'],
    ['DR', 'Drenthe'],
    ['OV', 'Overijssel'],
    ['FL', 'Flevoland'],
    ['GE', 'Gelderland'],
    ['UT', 'Utrecht'],
    ['NH', 'Noord-Holland'],
    ['ZH', 'Zuid-Holland'],
    ['ZE', 'Zeeland'],
    ['NB', 'Noord-Brabant'],
    ['LI', 'Limburg'],
  ] as const
).map(([code, name]) => ({ code: `PV-${code}`, name: `Provincie ${name}`, kind: 'province' }));

/**
 * Municipalities and water boards the round of talks on the Thorbeckebrief names as examples
 * (Tubbergen, the marine barracks in Vlissingen, Regio Alkmaar, Brainport Eindhoven; the
 * water boards of Fryslân), advisory councils and other bodies the letters name.
 */
const OTHERS: readonly OrganisationSeed[] = [
  { code: 'GM-TUBBERGEN', name: 'Gemeente Tubbergen', kind: 'municipality' },
  { code: 'GM-VLISSINGEN', name: 'Gemeente Vlissingen', kind: 'municipality' },
  { code: 'GM-ALKMAAR', name: 'Gemeente Alkmaar', kind: 'municipality' },
  { code: 'GM-EINDHOVEN', name: 'Gemeente Eindhoven', kind: 'municipality' },
  { code: 'WS-FRYSLAN', name: 'Wetterskip Fryslân', kind: 'water_board' },
  { code: 'WS-NZV', name: 'Waterschap Noorderzijlvest', kind: 'water_board' },
  { code: 'RLI', name: 'Raad voor de leefomgeving en infrastructuur', kind: 'advisory_council' },
  { code: 'RVS', name: 'Raad voor Volksgezondheid & Samenleving', kind: 'advisory_council' },
  { code: 'COA', name: 'Centraal Orgaan opvang asielzoekers', kind: 'other' },
  { code: 'PRODEMOS', name: 'ProDemos - Huis voor democratie en rechtsstaat', kind: 'other' },
  { code: 'RUG', name: 'Rijksuniversiteit Groningen', kind: 'other' },
  { code: 'PLATFORM31', name: 'Platform31', kind: 'other' },
  { code: 'NVVR', name: 'Nederlandse Vereniging voor Raadsleden', kind: 'other' },
  { code: 'NGB', name: 'Nederlands Genootschap van Burgemeesters', kind: 'other' },
];

/** The organisations of the Actieagenda's commitments beyond the core ones of identity. */
export const ACTIEAGENDA_ORGANISATIONS: readonly OrganisationSeed[] = [
  ...MINISTRIES,
  ...PROVINCES,
  ...OTHERS,
];
