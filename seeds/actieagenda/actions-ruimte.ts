import { COORDINATOR, LIAISON_IPO, LIAISON_UVW, LIAISON_VNG } from './people';
import type { ActionSeed } from './types';

/** Line of work 2, continued: the physical domain, asylum reception, regional cooperation. */
export const RUIMTE_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'novex-arrangementen',
    track: 1,
    commitment: 'ai-novex',
    title: 'Ruimtelijke arrangementen met alle twaalf provincies sluiten',
    description:
      'Per provincie wederkerige afspraken op basis van het ruimtelijk voorstel, als bouwsteen voor de Nota Ruimte.',
    owner: 'VRO',
    partners: {
      IPO: 'co_owner',
      BZK: 'contributor',
      'PV-ZE': 'contributor',
      'PV-LI': 'contributor',
    },
    startDate: '2024-01-01',
    deadline: '2025-12-31',
    tags: ['novex', 'nota-ruimte', 'provincies'],
    updates: [
      {
        on: '2024-06-25',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative: 'Alle twaalf ruimtelijke voorstellen ontvangen.',
      },
      {
        on: '2025-12-18',
        status: 'partially_met',
        narrative: 'Met tien provincies is een ruimtelijk arrangement getekend.',
        reason:
          'Zeeland en Limburg tekenen pas na afspraken over de perifere ligging en de grensregio; zie de vervolgactie.',
      },
    ],
  },
  {
    key: 'novex-zeeland-limburg',
    track: 1,
    parent: 'novex-arrangementen',
    commitment: 'ai-novex',
    title: 'Ruimtelijk arrangement met Zeeland en Limburg',
    description:
      'Afronden van de twee resterende arrangementen, met afspraken over ov in perifere gebieden en de grensregio.',
    owner: 'VRO',
    partners: { 'PV-ZE': 'co_owner', 'PV-LI': 'co_owner', IPO: 'contributor', IENW: 'contributor' },
    startDate: '2026-01-05',
    deadline: '2026-09-30',
    tags: ['novex', 'provincies', 'grensregio'],
    updates: [
      {
        on: '2026-02-16',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative:
          'Bestuurlijk overleg met beide provincies gestart; IenW schuift aan voor het ov.',
      },
      {
        on: '2026-08-31',
        health: 'at_risk',
        percent: 60,
        narrative: 'Limburg akkoord op hoofdlijnen; Zeeland wacht op toezeggingen over het ov.',
        reason: 'Geen dekking voor de ov-verbindingen die Zeeland als voorwaarde stelt.',
      },
    ],
    comments: [
      {
        on: '2026-09-08',
        by: LIAISON_IPO,
        body: 'Zeeland heeft het ov al in de gespreksronde van 2020 als voorwaarde genoemd. Dit had eerder opgelost moeten zijn.',
        position: 'concerns',
      },
    ],
  },
  {
    key: 'route35-monitor',
    track: 1,
    commitment: 'ai-route35',
    title:
      'Optelsom van de RES-regio’s richting 35 TWh monitoren, met de escalatiestappen van Route 35',
    description:
      'Jaarlijkse monitor van het NP RES en, waar nodig, het gesprek binnen en tussen RES-regio’s.',
    owner: 'KGG',
    partners: { IPO: 'co_owner', VNG: 'contributor', UVW: 'contributor', BZK: 'informed' },
    startDate: '2024-01-01',
    deadline: '2027-12-31',
    tags: ['res', 'energie', 'route-35'],
    updates: [
      {
        on: '2024-11-12',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative:
          'Monitor 2024: de optelsom van de RES-regio’s ligt boven 35 TWh; escalatie niet nodig.',
      },
      {
        on: '2025-11-18',
        percent: 55,
        narrative:
          'Monitor 2025: in vier regio’s vertraging door netcongestie; gesprekken binnen die regio’s gestart.',
      },
    ],
    comments: [
      {
        on: '2025-11-25',
        by: LIAISON_UVW,
        body: 'Waterschappen leveren hun deel met zon op zuiveringen; netcongestie is ook voor ons het knelpunt.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'rug-onderzoek',
    track: 1,
    commitment: 'tz-rug-onderzoek',
    public: true,
    title: 'Vervolgonderzoek RUG naar de publieke waarde van regionale samenwerking',
    description:
      'Onderzoek van de Rijksuniversiteit Groningen naar de publieke waarde van regionale bestuurlijke samenwerking.',
    owner: 'BZK',
    partners: { RUG: 'contributor', IPO: 'informed', VNG: 'informed' },
    startDate: '2023-09-01',
    deadline: '2024-12-31',
    tags: ['onderzoek', 'regio'],
    updates: [
      {
        on: '2024-02-13',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative: 'Casestudies in Groningen, Twente en Zuid-Limburg lopen.',
      },
      {
        on: '2024-12-05',
        status: 'met',
        narrative:
          'Eindrapport ontvangen en gedeeld met de Kamer; uitkomsten gaan mee in de visie op de regio.',
      },
    ],
  },
  {
    key: 'wgr-evaluatie',
    track: 1,
    commitment: 'udo-wgr',
    title: 'Evaluatie gewijzigde Wgr: positie van raadsleden in gemeenschappelijke regelingen',
    description:
      'Evaluatie van de wijziging: gebruiken raden de nieuwe instrumenten (zienswijzen, gemeenschappelijke adviescommissie)?',
    owner: 'BZK',
    partners: { VNG: 'co_owner', NVVR: 'contributor', IPO: 'informed' },
    deadline: '2027-07-01',
    tags: ['wgr', 'evaluatie', 'raadsleden'],
    updates: [],
    comments: [
      {
        on: '2026-10-20',
        by: LIAISON_VNG,
        body: 'Graag ook de samenwerking met private partijen meenemen; de Achterhoek liep daar in 2020 al tegenaan.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'spreidingswet-randvoorwaarden',
    track: 1,
    commitment: 'udo-spreidingswet',
    title: 'Bestuurlijke en financiële randvoorwaarden van de Spreidingswet vastleggen',
    description:
      'Normbedragen per opvangplek, rol van de provinciale regietafels en de verdeelsleutel.',
    owner: 'JENV',
    partners: { BZK: 'contributor', VNG: 'contributor', IPO: 'contributor', COA: 'informed' },
    startDate: '2023-06-01',
    deadline: '2024-12-31',
    tags: ['asiel', 'spreidingswet', 'udo'],
    updates: [
      {
        on: '2024-02-01',
        status: 'in_progress',
        health: 'on_track',
        percent: 60,
        narrative: 'Wet in werking per 1 februari; financieringsregeling in consultatie.',
      },
      {
        on: '2024-12-17',
        status: 'met',
        narrative:
          'Financieringsregeling vastgesteld; provinciale regietafels hebben een verdeelvoorstel gedaan.',
      },
    ],
  },
  {
    key: 'spreidingswet-provincies',
    track: 1,
    commitment: 'udo-spreidingswet',
    title: 'Evaluatie van de rol van de provincies bij de verdeling van opvangplekken',
    description: 'Evaluatie van de provinciale regierol na twee verdeelrondes.',
    owner: 'JENV',
    partners: { IPO: 'co_owner', BZK: 'contributor', VNG: 'informed' },
    deadline: '2027-06-30',
    tags: ['asiel', 'spreidingswet', 'evaluatie'],
    updates: [],
    comments: [
      {
        on: '2026-09-14',
        by: LIAISON_IPO,
        body: 'De provincies willen de evaluatie naar voren halen; de regietafels lopen vast op de verdeelsleutel.',
        position: 'concerns',
      },
    ],
  },
  {
    key: 'convenanten',
    track: 1,
    commitment: 'tz-convenanten',
    public: true,
    title: 'Actualisatie van de Aanwijzingen voor convenanten afronden en de Kamer informeren',
    description:
      'Aanwijzingen aanpassen zodat akkoorden en deals beter aansluiten op de bestuurspraktijk.',
    owner: 'BZK',
    startDate: '2021-02-02',
    deadline: '2021-09-30',
    tags: ['convenanten', 'toezegging'],
    verification: 'verified',
    updates: [
      {
        on: '2021-09-14',
        status: 'in_progress',
        health: 'at_risk',
        percent: 60,
        deadline: '2024-12-31',
        narrative: 'Concept gereed; afstemming met de nieuwe bestuursakkoorden nodig.',
        reason: 'Het demissionaire kabinet laat de actualisatie aan het volgende kabinet.',
      },
      {
        on: '2024-11-28',
        status: 'met',
        narrative: 'Geactualiseerde Aanwijzingen gepubliceerd; Kamerbrief verzonden.',
      },
    ],
    comments: [
      {
        on: '2024-12-03',
        by: COORDINATOR,
        body: 'Kamerbrief en Staatscourant-publicatie gecontroleerd; toezegging afgedaan.',
      },
    ],
  },
];
