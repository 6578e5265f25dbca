import { DCAT_CONTEXT, type DatasetInput, mapDcatDataset } from './open-data-dataset';

const BASE = 'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10';

const input = (overrides: Partial<DatasetInput> = {}): DatasetInput => ({
  programme: {
    id: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
    name: 'Actieagenda Sterk Bestuur',
    description: 'Samenspel tussen overheden.',
    createdAt: new Date('2023-06-01T08:00:00Z'),
  },
  licence: {
    id: 'cc-by-4.0',
    uri: 'http://creativecommons.org/licenses/by/4.0/deed.nl',
    name: 'CC BY 4.0 Naamsvermelding',
  },
  publisher: { code: 'BZK', name: 'Ministerie van BZK' },
  modified: new Date('2026-11-24T10:12:31.123Z'),
  urls: {
    dataset: `${BASE}/open-data/dataset`,
    openData: `${BASE}/open-data`,
    contact: 'https://tracker.example.nl/',
  },
  ...overrides,
});

/** Every `@id` in the document, wherever it is. */
function ids(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(ids);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '@id' ? [inner as string] : ids(inner),
  );
}

/** The prefixes used in property names and `@type`s. */
function prefixes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(prefixes);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key.includes(':') ? [key.split(':')[0]] : []),
    ...(key === '@type' && typeof inner === 'string' ? [inner.split(':')[0]] : []),
    ...(key === '@context' ? [] : prefixes(inner)),
  ]);
}

describe('mapDcatDataset', () => {
  it('has every property DCAT-AP-NL requires of a dataset, and the recommended ones', () => {
    const dataset = mapDcatDataset(input());
    expect(dataset['@type']).toBe('dcat:Dataset');
    expect(dataset['@context']).toEqual(DCAT_CONTEXT);
    for (const property of [
      'dct:identifier',
      'dct:title',
      'dct:description',
      'dct:publisher',
      'dcat:contactPoint',
      'dcat:theme',
      'dcat:keyword',
      'dct:language',
      'dct:license',
      'dct:issued',
      'dct:modified',
      'dct:spatial',
      'dct:accessRights',
      'dcat:distribution',
    ]) {
      expect(dataset).toHaveProperty([property]);
    }
    expect(dataset['dct:title']).toEqual({
      '@value': 'Actieagenda Sterk Bestuur: acties en voortgang',
      '@language': 'nl',
    });
    expect(dataset['dct:description']['@value']).toMatch(/^Samenspel tussen overheden\.\n\n/);
    expect(dataset['dct:publisher']).toEqual({
      '@type': 'foaf:Agent',
      'foaf:name': 'Ministerie van BZK',
      'dct:identifier': 'BZK',
    });
    expect(dataset['dcat:theme']).toContainEqual({
      '@id': 'http://standaarden.overheid.nl/owms/terms/Bestuur',
    });
    expect(dataset['dct:issued']).toEqual({
      '@value': '2023-06-01T08:00:00.000Z',
      '@type': 'xsd:dateTime',
    });
    expect(dataset['dct:modified']?.['@value']).toBe('2026-11-24T10:12:31.123Z');
  });

  it('describes a JSON and a CSV distribution, each under the programme’s licence', () => {
    const [json, csv] = mapDcatDataset(input())['dcat:distribution'];
    expect(json).toMatchObject({
      '@type': 'dcat:Distribution',
      'dcat:accessURL': { '@id': `${BASE}/open-data` },
      'dcat:downloadURL': { '@id': `${BASE}/open-data` },
      'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/JSON' },
      'dcat:mediaType': {
        '@id': 'https://www.iana.org/assignments/media-types/application/json',
      },
      'dct:license': { '@id': 'http://creativecommons.org/licenses/by/4.0/deed.nl' },
    });
    expect(csv).toMatchObject({
      'dcat:downloadURL': { '@id': `${BASE}/open-data?format=csv` },
      'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/CSV' },
      'dcat:mediaType': { '@id': 'https://www.iana.org/assignments/media-types/text/csv' },
    });
    expect(json['@id']).not.toBe(csv['@id']);
  });

  it('uses only absolute URIs, and only prefixes its context defines', () => {
    const dataset = mapDcatDataset(input());
    for (const id of ids(dataset)) expect(id).toMatch(/^https?:\/\/[^\s]+$/);
    const used = new Set(prefixes(dataset));
    expect([...used].sort()).toEqual(Object.keys(DCAT_CONTEXT).sort());
  });

  it('names the programme as publisher and leaves modified out while nothing is public', () => {
    const dataset = mapDcatDataset(
      input({
        publisher: null,
        modified: null,
        programme: { ...input().programme, description: ' ' },
      }),
    );
    expect(dataset['dct:publisher']).toEqual({
      '@type': 'foaf:Agent',
      'foaf:name': 'Actieagenda Sterk Bestuur',
    });
    expect(dataset['dcat:contactPoint']['vcard:fn']).toBe('Actieagenda Sterk Bestuur');
    expect(dataset).not.toHaveProperty(['dct:modified']);
    expect(dataset['dcat:distribution'][0]).not.toHaveProperty(['dct:modified']);
    expect(dataset['dct:description']['@value']).toMatch(/^De acties die het programma/);
  });
});
