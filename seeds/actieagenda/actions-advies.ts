import { COORDINATOR, EDITOR_BZK, LIAISON_IPO, LIAISON_UVW, LIAISON_VNG } from './people';
import type { ActionSeed } from './types';

/** Follow-up of ROB advice and of pledges to parliament, and the yearly progress report. */
export const ADVIES_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'rnrg-partnerschapsmodel',
    track: 0,
    commitment: 'rob-rnrg-1',
    title: 'Model voor gelijkwaardig partnerschap toepassen in twee nieuwe Regio Deals',
    description:
      'De zes vragen van het ROB-model vooraf beantwoorden bij de start van twee Regio Deals, inclusief democratische aansturing en verantwoording.',
    owner: 'BZK',
    partners: { IPO: 'contributor', VNG: 'contributor', 'PV-ZE': 'informed' },
    startDate: '2024-09-01',
    deadline: '2025-06-30',
    tags: ['rob', 'regio-deals', 'partnerschap'],
    updates: [
      {
        on: '2024-10-15',
        status: 'in_progress',
        health: 'on_track',
        percent: 25,
        narrative: 'Procesontwerp met het model opgesteld voor de eerste Regio Deal.',
      },
      {
        on: '2025-03-11',
        health: 'at_risk',
        percent: 50,
        narrative:
          'Eerste Regio Deal getekend met het procesontwerp als bijlage; de tweede is nog niet gestart.',
        reason: 'De tweede Regio Deal wacht op de nieuwe ronde van de Regio Deal-middelen.',
      },
      {
        on: '2025-07-01',
        status: 'partially_met',
        narrative:
          'Model in één Regio Deal toegepast en geëvalueerd; lessen gedeeld met de regio’s.',
        reason:
          'Geen tweede Regio Deal gestart binnen de looptijd; toepassing in de volgende ronde wordt een nieuwe actie.',
      },
    ],
  },
  {
    key: 'rnrg-integrale-werkwijze',
    track: 0,
    commitment: 'rob-rnrg-2',
    title: 'Handreiking integrale werkwijze van het Rijk bij gebiedsgerichte opgaven',
    description:
      'Kaders van BZK voor één verantwoordelijke bewindspersoon per grote gebiedsgerichte opgave, ondersteund door meerdere departementen.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { IPO: 'contributor', VNG: 'informed' },
    startDate: '2024-05-01',
    deadline: '2025-12-31',
    tags: ['rob', 'integraal-werken'],
    verification: 'partner_reviewed',
    updates: [
      {
        on: '2024-11-05',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative:
          'Lessen uit «Wind in de zeilen» en de Regio Deals verwerkt in een eerste versie.',
      },
      {
        on: '2025-11-20',
        status: 'met',
        narrative: 'Handreiking vastgesteld in de ministerraad en gepubliceerd.',
      },
    ],
    comments: [
      {
        on: '2025-12-02',
        by: LIAISON_IPO,
        body: 'Bevestigd: de handreiking is met de provincies besproken en onze punten zijn verwerkt.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'rnrg-uitwisseling',
    track: 0,
    commitment: 'rob-rnrg-3',
    title: 'Uitwisselingsprogramma Rijk–regio: veertig uitwisselingen per jaar',
    description:
      'Rijksambtenaren werken tijdelijk bij een gemeente, provincie of waterschap en omgekeerd; met een training interbestuurlijk samenwerken.',
    owner: 'BZK',
    partners: { VNG: 'contributor', IPO: 'contributor', UVW: 'contributor' },
    startDate: '2025-01-01',
    deadline: '2026-12-31',
    tags: ['rob', 'uitwisseling', 'kennis'],
    updates: [
      {
        on: '2025-03-04',
        status: 'in_progress',
        health: 'on_track',
        percent: 15,
        narrative: 'Programma gestart; eerste twaalf uitwisselingen gekoppeld.',
      },
      {
        on: '2026-02-10',
        health: 'at_risk',
        percent: 45,
        narrative: '2025 afgesloten met 23 uitwisselingen, ruim onder de veertig.',
        reason: 'Departementen melden weinig kandidaten aan door de taakstelling op het apparaat.',
      },
    ],
    comments: [
      {
        on: '2026-02-18',
        by: LIAISON_UVW,
        body: 'Waterschappen hebben plekken open staan; graag actiever werven bij IenW en LNV.',
        position: 'concerns',
      },
    ],
  },
  {
    key: 'rnrg-reactie',
    track: 0,
    commitment: 'tz-rnrg-reactie',
    public: true,
    title: 'Nadere kabinetsreactie op «Rol nemen, Ruimte geven» aan de Kamer',
    description: 'De voorbereide nadere reactie op de drie aanbevelingen aan de Kamer sturen.',
    owner: 'BZK',
    startDate: '2022-01-10',
    deadline: '2024-06-30',
    tags: ['rob', 'toezegging'],
    updates: [
      {
        on: '2022-03-01',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative: 'Reactie in voorbereiding met de andere departementen.',
      },
      {
        on: '2024-06-12',
        status: 'lapsed',
        narrative:
          'Toezegging afgedaan via de Actieagenda Sterk Bestuur en de brief aan de Eerste Kamer.',
        reason:
          'De aanbevelingen zijn opgenomen in de Actieagenda Sterk Bestuur (2023); een afzonderlijke kabinetsreactie voegt niets meer toe.',
      },
    ],
  },
  {
    key: 'cruciale-opgaven',
    track: 0,
    commitment: 'tz-cruciale-opgaven',
    public: true,
    title: 'Per cruciale opgave de randvoorwaarden voor het lokale bestuur in kaart brengen',
    description:
      'Gesprekken met de medeoverheden over de cruciale opgaven; opbrengst als bouwsteen voor de actieagenda.',
    owner: 'BZK',
    partners: { VNG: 'co_owner', IPO: 'co_owner', UVW: 'co_owner' },
    startDate: '2021-02-02',
    deadline: '2024-03-31',
    tags: ['toezegging', 'motie-ozutok'],
    verification: 'verified',
    updates: [
      {
        on: '2021-09-30',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative: 'Gesprekken over wonen, klimaat, sociaal domein en regionale economie gevoerd.',
      },
      {
        on: '2023-03-20',
        status: 'met',
        narrative:
          'Opbrengst verwerkt in de Actieagenda Sterk Bestuur, gepresenteerd op de Dag van het Bestuur.',
      },
    ],
  },
  {
    key: 'eu-impactanalyse',
    track: 0,
    commitment: 'ai-eu-dossiers',
    title: 'Vroegtijdige impactanalyse van EU-voorstellen voor decentrale overheden',
    description:
      'Bij elk BNC-fiche met gevolgen voor decentrale overheden een paragraaf over bestuurlijke en financiële consequenties, opgesteld met de koepels.',
    owner: 'BZK',
    partners: { VNG: 'co_owner', IPO: 'contributor', UVW: 'contributor' },
    startDate: '2025-09-01',
    deadline: '2027-06-30',
    tags: ['eu', 'code-ibv'],
    updates: [
      {
        on: '2025-11-18',
        status: 'in_progress',
        health: 'on_track',
        percent: 15,
        narrative:
          'Werkafspraak met BZ over de BNC-fiches gemaakt; eerste drie fiches met een decentrale paragraaf.',
      },
      {
        on: '2026-09-29',
        percent: 35,
        narrative:
          'Elf fiches voorzien van een decentrale paragraaf, waaronder de herziening van de Kaderrichtlijn Water.',
      },
    ],
    comments: [
      {
        on: '2026-10-03',
        by: LIAISON_UVW,
        body: 'De paragraaf bij de Kaderrichtlijn Water hielp ons direct in Brussel. Zo doorgaan.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'voortgangsrapportage-2026',
    track: 0,
    title: 'Voortgangsrapportage Actieagenda Sterk Bestuur 2026 aan de Kamer',
    description:
      'De jaarlijkse voortgangsrapportage over alle acties van de actieagenda, met de stand per werklijn.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'informed', IPO: 'informed', UVW: 'informed' },
    startDate: '2026-03-01',
    deadline: '2026-06-12',
    tags: ['voortgangsrapportage'],
    verification: 'verified',
    updates: [
      {
        on: '2026-04-20',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative:
          'Uitvraag bij alle trekkers afgerond; 92% van de acties heeft een actuele toelichting.',
      },
      {
        on: '2026-06-09',
        status: 'met',
        narrative: 'Rapportage met de Kamerbrief verzonden.',
      },
    ],
    comments: [
      {
        on: '2026-06-02',
        by: LIAISON_VNG,
        body: 'De VNG vraagt de scheefgroei in de Wmo-financiering explicieter te benoemen.',
        position: 'concerns',
      },
      {
        on: '2026-06-04',
        by: COORDINATOR,
        body: 'Overgenomen in paragraaf 3 van de rapportage.',
      },
    ],
  },
  {
    key: 'normering-besluit',
    track: 2,
    commitment: 'rob-normering-1',
    title: 'Kabinetsbesluit over het ROB-advies Toepassing Normeringssystematiek',
    description:
      'Besluitvorming over het advies, in samenhang met de nieuwe financieringssystematiek.',
    owner: 'BZK',
    partners: { FIN: 'co_owner' },
    startDate: '2022-01-10',
    deadline: '2024-12-31',
    tags: ['rob', 'normeringssystematiek'],
    updates: [
      {
        on: '2023-05-30',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative:
          'Advies betrokken bij de keuze voor de bbp-systematiek in de Voorjaarsnota 2023.',
      },
      {
        on: '2024-04-15',
        status: 'lapsed',
        narrative: 'Met de BOFv-afspraken is het advies achterhaald.',
        reason:
          'De bbp-systematiek gaat al vanaf 2024 in; een apart besluit over de normeringssystematiek is niet meer nodig.',
      },
    ],
    comments: [
      {
        on: '2024-04-23',
        by: COORDINATOR,
        body: 'Akkoord met vervallen; de lijn loopt verder via de BOFv-afspraak over de bbp-systematiek.',
      },
    ],
  },
  {
    key: 'raamwerk-reactie',
    track: 2,
    commitment: 'tz-raamwerk-reactie',
    public: true,
    title:
      'Kabinetsreactie op het ROB-briefadvies Raamwerk toekomstbestendige financiële verhoudingen',
    description:
      'De reactie van het nieuwe kabinet, met de rol van decentrale overheden per beleidsterrein.',
    owner: 'BZK',
    partners: { FIN: 'contributor', VNG: 'informed', IPO: 'informed' },
    startDate: '2024-09-01',
    deadline: '2025-03-31',
    tags: ['rob', 'toezegging'],
    updates: [
      {
        on: '2024-12-10',
        status: 'in_progress',
        health: 'on_track',
        percent: 60,
        narrative: 'Conceptreactie afgestemd met Financiën.',
      },
      {
        on: '2025-03-25',
        status: 'met',
        narrative: 'Kabinetsreactie naar beide Kamers verzonden.',
      },
    ],
  },
];
