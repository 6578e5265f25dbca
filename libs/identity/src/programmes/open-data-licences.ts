/**
 * The licences a programme may publish its open data under: the open ones of the licence
 * value list of data.overheid.nl (DCAT-AP-DONL `donl:License`, the list its harvester
 * accepts), with the URIs exactly as that list spells them. A short list rather than free
 * text, so that every published licence is one a harvester knows.
 */
export const OPEN_DATA_LICENCES = {
  'cc0-1.0': {
    uri: 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
    name: 'CC0 1.0 Universeel (Publiek Domein Verklaring)',
  },
  'cc-by-4.0': {
    uri: 'http://creativecommons.org/licenses/by/4.0/deed.nl',
    name: 'CC BY 4.0 Naamsvermelding',
  },
  'pdm-1.0': {
    uri: 'http://creativecommons.org/publicdomain/mark/1.0/deed.nl',
    name: 'Publiek Domein (Public Domain Mark 1.0)',
  },
} as const;

export type OpenDataLicence = keyof typeof OPEN_DATA_LICENCES;

export const OPEN_DATA_LICENCE_IDS = Object.keys(OPEN_DATA_LICENCES) as OpenDataLicence[];

/** data.overheid.nl's advice when in doubt, and the default of every programme. */
export const DEFAULT_OPEN_DATA_LICENCE: OpenDataLicence = 'cc0-1.0';
