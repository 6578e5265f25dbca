import {
  COORDINATOR,
  EDITOR_BZK,
  EDITOR_IPO,
  EDITOR_UVW,
  LIAISON_BZK,
  LIAISON_IPO,
  LIAISON_VNG,
} from './people';
import type { ActionSeed } from './types';

/** Line of work 4: a stronger position of local councils, provincial and water board assemblies. */
export const DEMOCRATIE_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'democratie-in-actie',
    track: 3,
    commitment: 'ai-democratie-in-actie',
    title:
      'Democratie in Actie: gemeenten ondersteunen bij burgerfora, burgerpanels en het uitdaagrecht',
    description:
      'Handreikingen, leerkringen en een helpdesk voor gemeenten die nieuwe vormen van participatie beproeven.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'co_owner', PRODEMOS: 'contributor', 'GM-TUBBERGEN': 'informed' },
    startDate: '2024-01-01',
    deadline: '2026-12-31',
    tags: ['lokale-democratie', 'participatie', 'burgerfora'],
    updates: [
      {
        on: '2024-06-18',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative: 'Handreiking burgerfora geactualiseerd; acht leerkringen gestart.',
      },
      {
        on: '2025-06-10',
        percent: 60,
        narrative:
          'Veertien gemeenten passen het uitdaagrecht toe; Tubbergen deelt de ervaringen met buurtmannen en -vrouwen.',
      },
      {
        on: '2026-09-08',
        percent: 85,
        narrative: 'Slotbijeenkomst gepland in december; borging bij de VNG afgesproken.',
      },
    ],
    comments: [
      {
        on: '2026-09-15',
        by: LIAISON_VNG,
        body: 'Goed dat de borging bij de VNG landt; graag structurele middelen daarvoor in het gemeentefonds.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'monitor-lokale-democratie',
    track: 3,
    commitment: 'tz-lokale-democratie',
    public: true,
    title: 'Rapportage aan de Kamer over de impact van de inspanningen voor de lokale democratie',
    description:
      'Effecten van Democratie in Actie, de raadsledenvergoeding, het Kennispunt Lokale Politieke Partijen en Weerbaar Bestuur.',
    owner: 'BZK',
    partners: { VNG: 'informed', PRODEMOS: 'contributor' },
    startDate: '2024-09-01',
    deadline: '2025-06-30',
    tags: ['lokale-democratie', 'toezegging'],
    verification: 'verified',
    updates: [
      {
        on: '2025-01-14',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative: 'Gegevens uit de Staat van het Bestuur 2024 verwerkt.',
      },
      {
        on: '2025-06-26',
        status: 'met',
        narrative: 'Rapportage met Kamerbrief verzonden.',
      },
    ],
  },
  {
    key: 'normering-ondersteuning-raden',
    track: 3,
    commitment: 'rob-ondersteuning-1',
    title: 'Normen voor griffie, fractieondersteuning en lokale rekenkamer uitwerken',
    description:
      'Richtinggevende normen voor de omvang van de ondersteuning van gemeenteraden en Provinciale Staten.',
    owner: 'BZK',
    partners: { VNG: 'co_owner', IPO: 'contributor', NVVR: 'contributor' },
    startDate: '2024-03-01',
    deadline: '2025-12-31',
    tags: ['raadsleden', 'griffie', 'rekenkamer', 'rob'],
    escalation: 'official',
    updates: [
      {
        on: '2024-06-04',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Nulmeting bij 120 griffies uitgevoerd.',
      },
      {
        on: '2025-09-30',
        health: 'off_track',
        percent: 45,
        narrative:
          'Concept-normen liggen er, maar geen overeenstemming over wettelijke minimumnormen.',
        reason:
          'VNG wil geen wettelijke normen zonder compensatie in het gemeentefonds; BZK ziet geen budget.',
      },
    ],
    comments: [
      {
        on: '2025-10-08',
        by: LIAISON_VNG,
        body: 'Normen zonder middelen verschuiven de kosten naar de gemeenten. De VNG maakt bezwaar tegen deze opzet.',
        position: 'objects',
      },
      {
        on: '2025-10-09',
        by: LIAISON_IPO,
        body: 'Voor Provinciale Staten is een richtinggevende norm zonder wetswijziging voldoende.',
        position: 'concerns',
      },
    ],
  },
  {
    key: 'afwegingskader-burgemeesters',
    track: 3,
    commitment: 'ai-burgemeesters',
    title: 'Afwegingskader bevoegdheden burgemeesters opstellen',
    description: 'Toetsvragen voor nieuwe burgemeestersbevoegdheden, met JenV, het NGB en de VNG.',
    owner: 'BZK',
    partners: { JENV: 'co_owner', NGB: 'contributor', VNG: 'contributor' },
    startDate: '2024-02-01',
    deadline: '2025-09-30',
    tags: ['burgemeesters', 'openbare-orde'],
    verification: 'partner_reviewed',
    updates: [
      {
        on: '2024-09-17',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative: 'Casusanalyse van de bevoegdheden sinds 2010 afgerond.',
      },
      {
        on: '2025-09-11',
        status: 'met',
        narrative: 'Afwegingskader gepubliceerd en toegepast op twee wetsvoorstellen van JenV.',
      },
    ],
    comments: [
      {
        on: '2025-09-19',
        by: LIAISON_VNG,
        body: 'Bevestigd; het kader is met de burgemeesters in de VNG-commissie besproken.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'onderzoek-aantal-volksvertegenwoordigers',
    track: 3,
    commitment: 'ai-aantal-volksvertegenwoordigers',
    title: 'Onderzoek naar het wenselijke aantal raads-, staten- en algemeen-bestuursleden',
    description:
      'Onderzoek naar de verhouding tussen het aantal volksvertegenwoordigers, hun taken en hun werkdruk.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'contributor', IPO: 'contributor', UVW: 'contributor', NVVR: 'informed' },
    startDate: '2025-04-01',
    deadline: '2026-12-15',
    tags: ['volksvertegenwoordigers', 'onderzoek'],
    updates: [
      {
        on: '2025-06-03',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Enquête uitgezet onder raads-, staten- en algemeen-bestuursleden.',
      },
      {
        on: '2026-11-03',
        percent: 90,
        narrative: 'Conceptrapport besproken met de koepels; oplevering half december.',
      },
    ],
  },
  {
    key: 'politiek-verlof',
    track: 3,
    commitment: 'ai-politiek-verlof',
    title: 'Wetsvoorstel voor ruimer politiek verlof voorbereiden',
    description:
      'Een recht op politiek verlof voor werknemers die een decentraal politiek ambt vervullen.',
    owner: 'BZK',
    partners: { SZW: 'co_owner', VNG: 'informed', IPO: 'informed', UVW: 'informed' },
    deadline: '2027-06-30',
    tags: ['politiek-verlof', 'wetgeving'],
    updates: [],
    comments: [
      {
        on: '2026-04-02',
        by: LIAISON_BZK,
        body: 'SZW heeft capaciteit toegezegd vanaf het derde kwartaal van 2026.',
      },
    ],
  },
  {
    key: 'weerbaar-bestuur',
    track: 3,
    commitment: 'tz-lokale-democratie',
    public: true,
    title: 'Veiligheidspakket voor startende burgemeesters actualiseren',
    description:
      'Netwerk Weerbaar Bestuur: het veiligheidspakket, trainingen en woningscans bijwerken voor online agressie.',
    owner: 'BZK',
    partners: { NGB: 'contributor', VNG: 'informed' },
    startDate: '2025-05-01',
    deadline: '2026-03-31',
    tags: ['weerbaar-bestuur', 'burgemeesters', 'veiligheid'],
    updates: [
      {
        on: '2025-09-09',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative: 'Module online agressie ontwikkeld met het NGB.',
      },
      {
        on: '2026-03-24',
        status: 'met',
        narrative: 'Geactualiseerd pakket beschikbaar voor alle nieuw benoemde burgemeesters.',
      },
    ],
  },
  {
    key: 'waterschappen-ab-ondersteuning',
    track: 3,
    title:
      'Inwerkprogramma voor nieuwe algemeen-bestuursleden van de waterschappen (verkiezingen 2027)',
    description:
      'Een gezamenlijk inwerkprogramma van de 21 waterschappen, met aandacht voor de rol in regionale samenwerking.',
    owner: 'UVW',
    ownerUser: EDITOR_UVW,
    partners: { BZK: 'contributor', 'WS-FRYSLAN': 'contributor', 'WS-NZV': 'contributor' },
    startDate: '2026-09-01',
    deadline: '2027-03-31',
    tags: ['waterschappen', 'ondersteuning', 'verkiezingen-2027'],
    updates: [
      {
        on: '2026-10-20',
        status: 'in_progress',
        health: 'on_track',
        percent: 15,
        narrative:
          'Programma-opzet besproken met Wetterskip Fryslân en Noorderzijlvest als voorlopers.',
      },
    ],
    comments: [
      {
        on: '2026-10-28',
        by: COORDINATOR,
        body: 'Graag afstemmen met de IPO-actie voor Statenleden; de verkiezingen vallen op dezelfde dag.',
      },
    ],
  },
  {
    key: 'statenleden-ondersteuning',
    track: 3,
    title: 'Ondersteuning van Statenleden na de verkiezingen van 2027 voorbereiden',
    description:
      'Inwerkprogramma en digitale leeromgeving voor nieuwe Statenleden, met Statenlid.nu en de griffies.',
    owner: 'IPO',
    ownerUser: EDITOR_IPO,
    partners: { BZK: 'contributor', PRODEMOS: 'informed' },
    startDate: '2026-05-01',
    deadline: '2027-03-31',
    tags: ['statenleden', 'ondersteuning', 'verkiezingen-2027'],
    updates: [
      {
        on: '2026-06-02',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Programma opgezet met de griffiers van de twaalf provincies.',
      },
      {
        on: '2026-10-27',
        percent: 45,
        narrative:
          'Leeromgeving vernieuwd; modules over de NOVEX-arrangementen en de Spreidingswet toegevoegd.',
      },
    ],
  },
];
