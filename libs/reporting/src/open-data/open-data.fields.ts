/**
 * The documented field list of the open data export, in column order: the JSON keys of an
 * action, the CSV header, the OpenAPI descriptions and the README table all come from here.
 * Only what a programme publishes about the work, never about people: no user ids, names,
 * e-mail addresses or authors of narratives.
 */
export const OPEN_DATA_FIELDS = [
  {
    name: 'id',
    description: 'The action’s id (UUID); stable, so a reuser can follow an action over time.',
    example: '3f6a1c2e-9b7d-4e1f-8a2b-5c4d3e2f1a0b',
  },
  { name: 'title', description: 'What is done.', example: 'Beleidskader decentraal bestuur' },
  {
    name: 'description',
    description: 'A fuller description; may be empty.',
    example: 'Kader voor het toedelen van taken aan medeoverheden.',
  },
  {
    name: 'track',
    description: 'The line of work (actielijn) of the programme; null when none.',
    example: 'Heldere rollen en verantwoordelijkheden',
  },
  {
    name: 'commitmentKind',
    description:
      'The kind of agreement the action carries out: `udo_trajectory`, `bofv_agreement`, ' +
      '`overhedenoverleg_agreement`, `rob_recommendation`, `parliamentary_pledge`, ' +
      '`agenda_item`; null for an action without a commitment.',
    example: 'parliamentary_pledge',
  },
  {
    name: 'commitmentTitle',
    description: 'The title of that commitment; null when none.',
    example: 'Toezegging over de monitor lokale democratie',
  },
  {
    name: 'sourceReference',
    description:
      'The commitment’s first source: its document, followed by `, kamerstuk <number>` when ' +
      'it has one; null when none.',
    example: 'Kamerbrief Actieagenda Sterk Bestuur, kamerstuk 29362-296',
  },
  {
    name: 'ownerOrganisation',
    description: 'Code of the accountable organisation (trekker).',
    example: 'BZK',
  },
  {
    name: 'ownerOrganisationName',
    description: 'Name of the accountable organisation.',
    example: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  },
  {
    name: 'partnerOrganisations',
    description:
      'Codes of the partner organisations, alphabetical (JSON: an array; CSV: joined with `|`).',
    example: 'IPO|UVW|VNG',
  },
  {
    name: 'deadline',
    description: 'The deadline, a date (Europe/Amsterdam).',
    example: '2026-12-31',
  },
  {
    name: 'status',
    description: '`not_started`, `in_progress`, `met`, `partially_met` or `lapsed`.',
    example: 'in_progress',
  },
  {
    name: 'statusParliament',
    description:
      'The status in the vocabulary of the Tweede and Eerste Kamer for pledges: `Openstaand` ' +
      '(not started, in progress), `Voldaan`, `Deels voldaan`, `Vervallen`.',
    example: 'Openstaand',
  },
  {
    name: 'health',
    description:
      '`not_set`, `on_track`, `at_risk` or `off_track` (niet beoordeeld, op koers, risico, uit koers); ' +
      '`not_set` once closed.',
    example: 'on_track',
  },
  { name: 'percentComplete', description: 'Progress, 0 to 100.', example: '60' },
  {
    name: 'closedAt',
    description: 'When the action was closed (UTC instant); null while open.',
    example: '2026-06-30T09:15:00.000Z',
  },
  {
    name: 'latestNarrative',
    description: 'The latest progress narrative (toelichting) of the owner; null when none.',
    example: 'Veertien gemeenten passen het uitdaagrecht toe.',
  },
  {
    name: 'latestNarrativeDate',
    description: 'The date (Europe/Amsterdam) of that narrative; null when none.',
    example: '2026-09-08',
  },
  {
    name: 'updatedAt',
    description: 'When the action last changed (UTC instant).',
    example: '2026-09-08T10:02:11.000Z',
  },
] as const;

export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number]['name'];

/** The field names, in column order. */
export const OPEN_DATA_FIELD_NAMES: readonly OpenDataField[] = OPEN_DATA_FIELDS.map(
  (field) => field.name,
);

/** The description of one field, for the OpenAPI schema. */
export function describeField(name: OpenDataField): string {
  return OPEN_DATA_FIELDS.find((field) => field.name === name)!.description;
}
