import { DESCRIPTION, KEY, REFERENCE, TITLE, VERSION } from './shared-columns';
import type { SheetColumn } from './sheet-columns';

/** The columns of the Actions sheet (Acties), in the order the workbook shows them. */
export const ACTION_COLUMNS: readonly SheetColumn[] = [
  KEY,
  VERSION,
  REFERENCE,
  TITLE,
  DESCRIPTION,
  {
    field: 'track',
    header: { nl: 'Spoor', en: 'Track' },
    type: 'track',
    requiredOnCreate: true,
    width: 30,
    help: { nl: 'Kies uit de lijst.', en: 'Pick from the list.' },
  },
  {
    field: 'commitment',
    header: { nl: 'Toezegging', en: 'Commitment' },
    type: 'commitment',
    width: 24,
    help: {
      nl: 'De sleutel of het kenmerk van een toezegging (ook van een nieuwe regel op het tabblad Toezeggingen), of een Kamerstuknummer.',
      en: 'The key or reference of a commitment (also of a new row on the Commitments sheet), or a Kamerstuk number.',
    },
  },
  {
    field: 'ownerOrganisation',
    header: { nl: 'Eigenaar (organisatie)', en: 'Owner (organisation)' },
    type: 'organisation',
    requiredOnCreate: true,
    width: 14,
    help: { nl: 'Code of naam, kies uit de lijst.', en: 'Code or name, pick from the list.' },
  },
  {
    field: 'ownerUser',
    header: { nl: 'Eigenaar (trekker, e-mail)', en: 'Owner (person, e-mail)' },
    type: 'email',
    width: 28,
    help: {
      nl: 'Het e-mailadres van een lid van het programma bij de eigenaar; leeg: niemand.',
      en: 'The e-mail address of a programme member at the owner; empty: nobody.',
    },
  },
  {
    field: 'partners',
    header: { nl: 'Partners', en: 'Partners' },
    type: 'partners',
    width: 30,
    help: {
      nl: 'Code (rol), gescheiden door ; — bijvoorbeeld VNG (mede-eigenaar); IPO (bijdrager).',
      en: 'Code (role), separated by ; — e.g. VNG (co-owner); IPO (contributor).',
    },
  },
  {
    field: 'startDate',
    header: { nl: 'Startdatum', en: 'Start date' },
    type: 'date',
    width: 12,
    help: { nl: 'Optioneel.', en: 'Optional.' },
  },
  {
    field: 'deadline',
    header: { nl: 'Deadline', en: 'Deadline' },
    type: 'date',
    requiredOnCreate: true,
    width: 12,
    help: {
      nl: 'Verplicht. Een verschoven deadline vraagt een reden (kolom Reden).',
      en: 'Required. A moved deadline needs a reason (column Reason).',
    },
  },
  {
    field: 'status',
    header: { nl: 'Status', en: 'Status' },
    type: 'choice',
    choices: ['not_started', 'in_progress', 'met', 'partially_met', 'lapsed'],
    width: 16,
    help: {
      nl: 'Kies uit de lijst. Deels voldaan en Vervallen vragen een reden.',
      en: 'Pick from the list. Partially met and Lapsed need a reason.',
    },
  },
  {
    field: 'health',
    header: { nl: 'Gezondheid', en: 'Health' },
    type: 'choice',
    choices: ['not_set', 'on_track', 'at_risk', 'off_track'],
    width: 14,
    help: { nl: 'Kies uit de lijst.', en: 'Pick from the list.' },
  },
  {
    field: 'percentComplete',
    header: { nl: 'Voortgang (%)', en: 'Progress (%)' },
    type: 'percent',
    width: 12,
    help: { nl: 'Een heel getal van 0 tot 100.', en: 'A whole number from 0 to 100.' },
  },
  {
    field: 'narrative',
    header: { nl: 'Toelichting voortgang', en: 'Progress note' },
    type: 'longText',
    maxLength: 10_000,
    width: 60,
    help: {
      nl: 'De laatste toelichting. Een nieuwe tekst wordt een voortgangsbericht.',
      en: 'The latest note. A new text becomes a progress update.',
    },
  },
  {
    field: 'reason',
    header: { nl: 'Reden wijziging', en: 'Reason for change' },
    type: 'longText',
    maxLength: 2_000,
    width: 30,
    help: {
      nl: 'Nodig bij een verschoven deadline, Deels voldaan of Vervallen.',
      en: 'Needed for a moved deadline, Partially met or Lapsed.',
    },
  },
  {
    field: 'tags',
    header: { nl: 'Labels', en: 'Tags' },
    type: 'tags',
    width: 20,
    help: {
      nl: 'Kleine letters en koppeltekens, gescheiden door ;',
      en: 'Lower case and hyphens, separated by ;',
    },
  },
  {
    field: 'public',
    header: { nl: 'Openbaar', en: 'Public' },
    type: 'boolean',
    width: 10,
    help: { nl: 'ja of nee.', en: 'yes or no.' },
  },
];
