import { EDITOR_BZK, LIAISON_UVW, LIAISON_VNG } from './people';
import type { ActionSeed } from './types';

/** Line of work 1, continued: the Overhedenoverleg, after a new cabinet and every year. */
export const OVERLEG_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'overhedenoverleg-nieuw-kabinet',
    track: 0,
    commitment: 'oo-2023-nieuw-kabinet',
    title: 'Overhedenoverleg na de start van het kabinet organiseren',
    description:
      'Zo spoedig mogelijk na de start van het nieuwe kabinet een Overhedenoverleg van de koepels met een kabinetsdelegatie (Code Interbestuurlijke Verhoudingen, artikel 8).',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'co_owner', IPO: 'co_owner', UVW: 'co_owner' },
    startDate: '2024-07-02',
    deadline: '2024-11-30',
    tags: ['overhedenoverleg', 'code-ibv'],
    verification: 'partner_reviewed',
    updates: [
      {
        on: '2024-08-27',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative: 'Kabinetsdelegatie bekend; koepels leveren gespreksnotities aan.',
      },
      {
        on: '2024-11-14',
        status: 'met',
        narrative:
          'Overhedenoverleg gehouden. Afspraak: werkagenda voor een bestuursakkoord op financiën, wonen en het landelijk gebied.',
      },
    ],
    comments: [
      {
        on: '2024-11-20',
        by: LIAISON_UVW,
        body: 'Bevestigd namens de Unie: het overleg heeft plaatsgevonden en het verslag is vastgesteld.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'overhedenoverleg-2025',
    track: 0,
    commitment: 'oo-2023-jaarlijks',
    title: 'Jaarlijks Overhedenoverleg 2025',
    description:
      'Het jaarlijkse Overhedenoverleg van 2025, met de balans tussen ambities en middelen als vast agendapunt.',
    owner: 'BZK',
    partners: { VNG: 'co_owner', IPO: 'co_owner', UVW: 'co_owner', FIN: 'contributor' },
    startDate: '2025-03-01',
    deadline: '2025-12-31',
    tags: ['overhedenoverleg'],
    updates: [
      {
        on: '2025-04-10',
        status: 'in_progress',
        health: 'on_track',
        percent: 25,
        narrative: 'Overleg gepland op 9 oktober; agendavoorstel gedeeld met de koepels.',
      },
      {
        on: '2025-08-28',
        health: 'at_risk',
        percent: 40,
        narrative:
          'Door de verkiezingen op 29 oktober wil het demissionaire kabinet het overleg verschuiven.',
        reason: 'Kabinet demissionair sinds juni; datum van 9 oktober staat ter discussie.',
      },
      {
        on: '2025-12-11',
        status: 'met',
        narrative:
          'Overhedenoverleg op 11 december in afgeslankte vorm gehouden, met de informateur als gast.',
      },
    ],
  },
  {
    key: 'overhedenoverleg-2026',
    track: 0,
    commitment: 'oo-2023-jaarlijks',
    title: 'Jaarlijks Overhedenoverleg 2026',
    description: 'Het Overhedenoverleg van 2026 voorbereiden en houden, met het nieuwe kabinet.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'co_owner', IPO: 'co_owner', UVW: 'co_owner' },
    startDate: '2026-04-01',
    deadline: '2026-12-15',
    tags: ['overhedenoverleg'],
    updates: [
      {
        on: '2026-05-12',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Startgesprek met de koepels gevoerd; voorkeur voor een overleg eind november.',
      },
      {
        on: '2026-10-06',
        health: 'at_risk',
        percent: 45,
        narrative: 'Nog geen datum met de kabinetsdelegatie. Gespreksnotitie in concept klaar.',
        reason:
          'De agenda’s van de minister-president en de minister van Financiën laten vóór 15 december geen ruimte.',
      },
    ],
    comments: [
      {
        on: '2026-10-14',
        by: LIAISON_VNG,
        body: 'Een overleg in januari is voor ons acceptabel, als het maar vóór de voorjaarsbesluitvorming valt.',
        position: 'concerns',
      },
    ],
  },
  {
    key: 'overhedenoverleg-2026-notitie',
    track: 0,
    parent: 'overhedenoverleg-2026',
    commitment: 'oo-2023-jaarlijks',
    title: 'Gespreksnotitie met de koepels opstellen',
    description:
      'Gezamenlijke gespreksnotitie van Rijk, VNG, IPO en UvW voor het Overhedenoverleg 2026.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'contributor', IPO: 'contributor', UVW: 'contributor' },
    deadline: '2026-11-15',
    tags: ['overhedenoverleg'],
    updates: [
      {
        on: '2026-09-01',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative: 'Hoofdlijnen afgestemd; IPO en UvW leveren hun paragraaf half oktober.',
      },
      {
        on: '2026-11-10',
        health: 'at_risk',
        percent: 70,
        narrative: 'Paragraaf van de UvW binnen, die van het IPO nog niet; vaststelling schuift.',
        reason: 'Bijdrage IPO wacht op het bestuur van 19 november.',
      },
    ],
  },
  {
    key: 'overhedenoverleg-2026-datum',
    track: 0,
    parent: 'overhedenoverleg-2026',
    commitment: 'oo-2023-jaarlijks',
    title: 'Datum vastleggen met de kabinetsdelegatie',
    description:
      'Datum en samenstelling van de kabinetsdelegatie vastleggen via het ministerie van Algemene Zaken.',
    owner: 'BZK',
    deadline: '2026-10-31',
    tags: ['overhedenoverleg'],
    escalation: 'official',
    updates: [
      {
        on: '2026-09-15',
        status: 'in_progress',
        health: 'on_track',
        percent: 10,
        narrative: 'Verzoek uitgezet bij de secretariaten van de bewindspersonen.',
      },
      {
        on: '2026-11-02',
        health: 'off_track',
        percent: 10,
        narrative: 'Deadline verstreken zonder datum. Opgeschaald naar de DG’s van BZK en AZ.',
        reason: 'Geen reactie van twee van de vier secretariaten ondanks herhaald verzoek.',
      },
    ],
  },
];
