/**
 * The metadata of a programme's open data as a DCAT-AP-NL dataset (JSON-LD), so that
 * data.overheid.nl can harvest it: one `dcat:Dataset` with a distribution per format. The
 * properties and value lists are those DCAT-AP-DONL 2 / DCAT-AP-NL 3.0 prescribe: themes of
 * the OWMS TaxonomieBeleidsagenda (what data.overheid.nl files by) and the EU data themes,
 * languages, file types and access rights of the EU Publications Office, IANA media types,
 * and the licence URIs of data.overheid.nl's licence list.
 */

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** The value-list concepts the dataset uses (README "Open data"). */
export const DCAT_TERMS = {
  /** OWMS theme "Bestuur" (data.overheid.nl's theme list) and the EU theme "Government". */
  themes: [
    'http://standaarden.overheid.nl/owms/terms/Bestuur',
    'http://publications.europa.eu/resource/authority/data-theme/GOVE',
  ],
  language: 'http://publications.europa.eu/resource/authority/language/NLD',
  /** OWMS Koninkrijksdeel "Nederland". */
  spatial: 'http://standaarden.overheid.nl/owms/terms/Nederland',
  accessRights: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
  fileTypes: {
    json: 'http://publications.europa.eu/resource/authority/file-type/JSON',
    csv: 'http://publications.europa.eu/resource/authority/file-type/CSV',
  },
  mediaTypes: {
    json: 'https://www.iana.org/assignments/media-types/application/json',
    csv: 'https://www.iana.org/assignments/media-types/text/csv',
  },
} as const;

const KEYWORDS = ['voortgang', 'acties', 'toezeggingen', 'bestuur', 'open data'];

export interface DatasetLicence {
  id: string;
  uri: string;
  name: string;
}

export interface DatasetInput {
  programme: { id: string; name: string; description: string; createdAt: Date };
  licence: DatasetLicence;
  /** The accountable organisation of most public actions; null while nothing is public. */
  publisher: { code: string; name: string } | null;
  /** The latest change of a public action; null while none is public. */
  modified: Date | null;
  urls: {
    /** This document: the dataset's identifier. */
    dataset: string;
    /** The open data (JSON by default; `?format=csv` for CSV). */
    openData: string;
    /** Where a person reaches the team behind the programme (the web app). */
    contact: string;
  };
}

type Iri = { '@id': string };
type Text = { '@value': string; '@language': 'nl' };
type Instant = { '@value': string; '@type': 'xsd:dateTime' };

export interface DcatDistribution {
  '@id': string;
  '@type': 'dcat:Distribution';
  'dct:title': Text;
  'dct:description': Text;
  'dcat:accessURL': Iri;
  'dcat:downloadURL': Iri;
  'dct:format': Iri;
  'dcat:mediaType': Iri;
  'dct:license': Iri;
  'dct:language': Iri;
  'dct:modified'?: Instant;
}

export interface DcatDataset {
  '@context': typeof DCAT_CONTEXT;
  '@id': string;
  '@type': 'dcat:Dataset';
  'dct:identifier': string;
  'dct:title': Text;
  'dct:description': Text;
  'dct:publisher': { '@type': 'foaf:Agent'; 'foaf:name': string; 'dct:identifier'?: string };
  'dcat:contactPoint': { '@type': 'vcard:Organization'; 'vcard:fn': string; 'vcard:hasURL': Iri };
  'dcat:theme': Iri[];
  'dcat:keyword': Text[];
  'dct:language': Iri;
  'dct:license': Iri;
  'dct:issued': Instant;
  'dct:modified'?: Instant;
  'dct:spatial': Iri;
  'dct:accessRights': Iri;
  'dcat:distribution': DcatDistribution[];
}

const iri = (id: string): Iri => ({ '@id': id });
const nl = (value: string): Text => ({ '@value': value, '@language': 'nl' });
const instant = (at: Date): Instant => ({ '@value': at.toISOString(), '@type': 'xsd:dateTime' });

const ABOUT =
  'De acties die het programma openbaar heeft gemaakt: wat er gebeurt, welke organisatie ' +
  'trekker is, de deadline, de status (ook in de termen van de Tweede en Eerste Kamer: ' +
  'Openstaand, Deels voldaan, Voldaan, Vervallen), de gezondheid en de voortgang. Niets over ' +
  'personen.';

/** The dataset of `input` as DCAT-AP-NL JSON-LD. */
export function mapDcatDataset(input: DatasetInput): DcatDataset {
  const { programme, licence, publisher, modified, urls } = input;
  const publisherName = publisher?.name ?? programme.name;
  const distribution = (format: 'json' | 'csv'): DcatDistribution => {
    const url = format === 'json' ? urls.openData : `${urls.openData}?format=csv`;
    return {
      '@id': `${urls.openData}?format=${format}`,
      '@type': 'dcat:Distribution',
      'dct:title': nl(`${programme.name}: openbare acties (${format.toUpperCase()})`),
      'dct:description': nl(
        format === 'json'
          ? 'JSON, per pagina van ten hoogste 200 acties (volg _links.next).'
          : 'CSV (UTF-8 met BOM, RFC 4180) met alle openbare acties; met separator=semicolon ' +
              'gescheiden door puntkomma’s (Excel met Nederlandse instellingen).',
      ),
      'dcat:accessURL': iri(url),
      'dcat:downloadURL': iri(url),
      'dct:format': iri(DCAT_TERMS.fileTypes[format]),
      'dcat:mediaType': iri(DCAT_TERMS.mediaTypes[format]),
      'dct:license': iri(licence.uri),
      'dct:language': iri(DCAT_TERMS.language),
      ...(modified && { 'dct:modified': instant(modified) }),
    };
  };
  return {
    '@context': DCAT_CONTEXT,
    '@id': urls.dataset,
    '@type': 'dcat:Dataset',
    'dct:identifier': urls.dataset,
    'dct:title': nl(`${programme.name}: acties en voortgang`),
    'dct:description': nl(
      programme.description.trim() ? `${programme.description.trim()}\n\n${ABOUT}` : ABOUT,
    ),
    'dct:publisher': {
      '@type': 'foaf:Agent',
      'foaf:name': publisherName,
      ...(publisher && { 'dct:identifier': publisher.code }),
    },
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': publisherName,
      'vcard:hasURL': iri(urls.contact),
    },
    'dcat:theme': DCAT_TERMS.themes.map(iri),
    'dcat:keyword': [...KEYWORDS, programme.name].map(nl),
    'dct:language': iri(DCAT_TERMS.language),
    'dct:license': iri(licence.uri),
    'dct:issued': instant(programme.createdAt),
    ...(modified && { 'dct:modified': instant(modified) }),
    'dct:spatial': iri(DCAT_TERMS.spatial),
    'dct:accessRights': iri(DCAT_TERMS.accessRights),
    'dcat:distribution': [distribution('json'), distribution('csv')],
  };
}
