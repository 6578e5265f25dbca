import { COORDINATOR, EDITOR_BZK, EDITOR_VNG, LIAISON_IPO } from './people';
import type { ActionSeed } from './types';

/**
 * Line of work 1: investing in the cooperation between the Rijk and the other governments (the
 * Thorbecke round of talks, the Code, the feedback loop from practice to policy).
 */
export const SAMENWERKING_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'verslag-provinciesheets',
    track: 0,
    commitment: 'ai-verslag-provinciesheets',
    title: 'Verslagen en provinciesheets van de Thorbecke-gespreksronde publiceren',
    description:
      'Verslag van de landelijke slotbijeenkomst en de twaalf provinciesheets op overheidvannu.nl, plus een magazine voor de deelnemers.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { IPO: 'informed', VNG: 'informed', UVW: 'informed' },
    startDate: '2020-12-10',
    deadline: '2021-01-31',
    tags: ['thorbeckebrief', 'roadshow'],
    verification: 'verified',
    updates: [
      {
        on: '2020-12-16',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative:
          'Conceptverslagen van alle twaalf provinciale gesprekken liggen ter controle bij de provincies.',
      },
      {
        on: '2021-01-29',
        status: 'met',
        narrative:
          'Verslagen, provinciesheets en het verslag van de slotbijeenkomst staan sinds vandaag op overheidvannu.nl; het magazine volgt in februari.',
      },
    ],
  },
  {
    key: 'vervolgesprek-minister',
    track: 0,
    commitment: 'ai-vervolgesprek',
    title: 'Vervolgesprek Roadshow-bestuurders met de minister organiseren',
    description:
      'Een vervolgesprek tussen de commissarissen, gedeputeerden, burgemeesters en dijkgraven van de Roadshow en de minister van BZK.',
    owner: 'BZK',
    partners: { IPO: 'contributor', VNG: 'informed', UVW: 'informed' },
    startDate: '2020-12-10',
    deadline: '2021-06-30',
    tags: ['thorbeckebrief', 'roadshow'],
    updates: [
      {
        on: '2021-01-12',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Datumprikker uitgezet onder de 35 bestuurders van de slotbijeenkomst.',
      },
      {
        on: '2021-05-20',
        status: 'lapsed',
        narrative:
          'Het gesprek met de minister gaat niet door; de opbrengst van de ronde is meegegeven aan de formatie.',
        reason:
          'Na het aftreden van het kabinet in januari 2021 is geen gesprek met de demissionaire minister meer georganiseerd; de inbreng loopt via de koepels richting formatie.',
      },
    ],
  },
  {
    key: 'inbreng-formatie-2025',
    track: 0,
    commitment: 'ai-prioriteiten-formatie',
    title: 'Gezamenlijke inbreng van de medeoverheden voor de kabinetsformatie 2025',
    description:
      'VNG, IPO en UvW stellen samen een gedeeld prioriteitenlijstje op voor de formatie na de Tweede Kamerverkiezingen van oktober 2025.',
    owner: 'VNG',
    ownerUser: EDITOR_VNG,
    partners: { IPO: 'co_owner', UVW: 'co_owner', BZK: 'informed' },
    startDate: '2025-06-01',
    deadline: '2025-10-29',
    tags: ['formatie', 'koepels'],
    verification: 'verified',
    updates: [
      {
        on: '2025-07-04',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative:
          'Eerste gezamenlijke sessie van de drie koepels: financiële toerusting, Wmo en ruimte als topprioriteiten.',
      },
      {
        on: '2025-10-21',
        status: 'met',
        narrative:
          'Gezamenlijke inbreng «Samen aan de slag» aangeboden aan alle partijen; presentatie op de dag na de verkiezingen.',
      },
    ],
    comments: [
      {
        on: '2025-10-22',
        by: LIAISON_IPO,
        body: 'Provincies herkennen zich in de inbreng; de regie op ruimte staat er goed in.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'code-ibv-evaluatie',
    track: 0,
    commitment: 'code-ibv',
    title: 'Werking van de Code Interbestuurlijke Verhoudingen evalueren',
    description:
      'Gezamenlijke evaluatie van de Code na vier jaar: worden de spelregels nageleefd, ook artikel 8 en 9?',
    owner: 'BZK',
    partners: { VNG: 'co_owner', IPO: 'co_owner', UVW: 'co_owner' },
    deadline: '2027-03-20',
    tags: ['code-ibv', 'evaluatie'],
    updates: [],
  },
  {
    key: 'feedbackloop-platforms',
    track: 0,
    commitment: 'ai-feedbackloop',
    title:
      'Signalen van Platform Sociaal Domein en Platform PLeK agenderen in het interbestuurlijk overleg',
    description:
      'Twee keer per jaar de belangrijkste uitvoeringssignalen van beide platforms bespreken met de betrokken departementen.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'co_owner', IPO: 'contributor', UVW: 'contributor', VWS: 'informed' },
    startDate: '2024-09-01',
    deadline: '2026-12-31',
    tags: ['feedbackloop', 'platform-sociaal-domein', 'platform-plek'],
    updates: [
      {
        on: '2024-10-08',
        status: 'in_progress',
        health: 'on_track',
        percent: 15,
        narrative:
          'Eerste signalenronde: stapeling van verantwoordingseisen in het sociaal domein.',
      },
      {
        on: '2025-06-17',
        percent: 45,
        narrative:
          'Tweede ronde besproken met VWS en SZW; drie signalen leiden tot aanpassing van regelgeving.',
      },
      {
        on: '2026-06-23',
        percent: 75,
        narrative: 'Vierde ronde gehouden; PLeK brengt de uitvoerbaarheid van de Nota Ruimte in.',
      },
    ],
  },
  {
    key: 'feedbackloop-terugkoppeling',
    track: 0,
    commitment: 'ai-feedbackloop',
    title: 'Terugkoppeling aan de uitvoering: wat is er met de signalen gedaan?',
    description:
      'Een openbaar overzicht per signaal: doorgezet, in behandeling of afgewezen, met de reden.',
    owner: 'VNG',
    ownerUser: EDITOR_VNG,
    partners: { BZK: 'co_owner', IPO: 'contributor' },
    startDate: '2025-09-01',
    deadline: '2026-06-30',
    tags: ['feedbackloop'],
    escalation: 'official',
    updates: [
      {
        on: '2025-10-02',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Format voor het signalenoverzicht afgestemd met BZK.',
      },
      {
        on: '2026-04-14',
        health: 'off_track',
        percent: 35,
        narrative:
          'Reacties van departementen komen niet binnen; overzicht kan niet gevuld worden.',
        reason: 'Vier van de zes departementen hebben op geen enkel signaal gereageerd.',
      },
    ],
    comments: [
      {
        on: '2026-05-06',
        by: LIAISON_IPO,
        body: 'Zonder terugkoppeling verliest het platform zijn waarde voor de provincies. Graag escaleren.',
        position: 'concerns',
      },
      {
        on: '2026-05-07',
        by: COORDINATOR,
        body: 'Geagendeerd voor het ambtelijk overleg van juni; BZK spreekt de departementen aan.',
      },
    ],
  },
];
