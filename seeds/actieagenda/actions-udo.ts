import {
  COORDINATOR,
  EDITOR_BZK,
  EDITOR_UVW,
  EDITOR_VNG,
  LIAISON_UVW,
  LIAISON_VNG,
} from './people';
import type { ActionSeed } from './types';

/** Line of work 3, continued: UDO trajectories and the Wmo 2015. */
export const UDO_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'wmo-afbakening',
    track: 2,
    commitment: 'bofv-2024-wmo',
    title: 'Afbakenen welk deel van de Wmo 2015 via een aparte financiering loopt',
    description:
      'Het openeinde-deel van de regeling beëindigen en bepalen welk deel niet langer via de algemene uitkering loopt.',
    owner: 'VWS',
    partners: { VNG: 'co_owner', BZK: 'contributor', FIN: 'contributor' },
    startDate: '2024-06-01',
    deadline: '2025-12-31',
    tags: ['wmo', 'bofv', 'sociaal-domein'],
    escalation: 'administrative',
    updates: [
      {
        on: '2024-10-22',
        status: 'in_progress',
        health: 'on_track',
        percent: 25,
        narrative:
          'Uitgavenanalyse per voorziening (hulp bij het huishouden, hulpmiddelen, begeleiding) gereed.',
      },
      {
        on: '2025-10-07',
        health: 'at_risk',
        percent: 50,
        deadline: '2026-09-30',
        narrative: 'Twee varianten uitgewerkt; keuze schuift naar het nieuwe kabinet.',
        reason: 'Het demissionaire kabinet neemt geen besluit over de bekostigingsvorm.',
      },
      {
        on: '2026-10-06',
        health: 'off_track',
        percent: 55,
        narrative:
          'Ook de nieuwe deadline is niet gehaald. Opgeschaald naar het bestuurlijk overleg VWS–VNG.',
        reason:
          'VWS en VNG verschillen van mening over de risicoverdeling bij de aparte financiering.',
      },
    ],
    comments: [
      {
        on: '2026-10-13',
        by: LIAISON_VNG,
        body: 'Een aparte financiering zonder volledige risicodeling legt het tekort opnieuw bij gemeenten. Daar kan de VNG niet mee instemmen.',
        position: 'objects',
      },
      {
        on: '2026-10-15',
        by: COORDINATOR,
        body: 'Geagendeerd voor het BOFv van december.',
      },
    ],
  },
  {
    key: 'wmo-indexering',
    track: 2,
    commitment: 'bofv-2024-wmo',
    title: 'Geobjectiveerde indexering voor de Wmo ontwikkelen',
    description:
      'Een indexering die rekening houdt met kostenontwikkeling, demografie en vergrijzing.',
    owner: 'VWS',
    partners: { VNG: 'co_owner', BZK: 'contributor' },
    startDate: '2025-01-01',
    deadline: '2026-12-31',
    tags: ['wmo', 'bofv', 'indexering'],
    updates: [
      {
        on: '2025-04-15',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Model met demografische component in ontwikkeling, met gegevens van het CBS.',
      },
      {
        on: '2026-05-26',
        health: 'at_risk',
        percent: 40,
        narrative:
          'Model gereed, maar de keuze hangt af van de afbakening van de aparte financiering.',
        reason:
          'Afhankelijk van de vastgelopen afbakening (zie de actie over de aparte financiering).',
      },
    ],
  },
  {
    key: 'udo-eigen-bijdrage',
    track: 2,
    commitment: 'udo-wmo-eigen-bijdrage',
    title: 'UDO-gesprekken over het wetsvoorstel eigen bijdrage Wmo afronden',
    description:
      'Bestuurlijk-financieel arrangement van het wetsvoorstel: uitvoeringskosten, CAK en invoeringsdatum.',
    owner: 'VWS',
    partners: { VNG: 'co_owner', BZK: 'contributor' },
    startDate: '2024-06-01',
    deadline: '2025-03-31',
    tags: ['wmo', 'udo', 'eigen-bijdrage'],
    verification: 'partner_reviewed',
    updates: [
      {
        on: '2024-09-10',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative: 'Drie UDO-sessies gehouden; uitvoeringskosten gemeenten in beeld.',
      },
      {
        on: '2025-03-18',
        status: 'met',
        narrative:
          'Arrangement vastgelegd in de memorie van toelichting; compensatie voor uitvoeringskosten afgesproken.',
      },
    ],
    comments: [
      {
        on: '2025-03-26',
        by: LIAISON_VNG,
        body: 'Bevestigd namens de VNG; de uitvoeringskosten zijn gecompenseerd zoals afgesproken.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'udo-ervaringen',
    track: 2,
    commitment: 'tz-udo-ervaringen',
    title: 'Ervaringen met de UDO in kaart brengen en de Eerste Kamer informeren',
    description:
      'Inventarisatie van de tientallen UDO-trajecten: wat werkte, wat niet, en hoe verder.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'contributor', IPO: 'contributor', UVW: 'contributor' },
    startDate: '2024-03-01',
    deadline: '2024-12-31',
    tags: ['udo', 'toezegging', 'evaluatie'],
    verification: 'verified',
    updates: [
      {
        on: '2024-07-02',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative: 'Interviews over 24 trajecten afgerond.',
      },
      {
        on: '2024-12-10',
        status: 'met',
        narrative:
          'Rapport en brief aan de Eerste Kamer verzonden; vervolg in de verankering in het Beleidskompas.',
      },
    ],
  },
  {
    key: 'klimaat-cdu-verantwoording',
    track: 2,
    commitment: 'udo-klimaat-cdu',
    title: 'Verantwoordingsmodel voor de brede doeluitkering klimaat en energie vaststellen',
    description:
      'Lichte verantwoording over doel en besteding, zonder extra uitvraag bovenop de jaarrekening.',
    owner: 'KGG',
    partners: { VNG: 'co_owner', IPO: 'contributor', UVW: 'contributor' },
    startDate: '2024-03-01',
    deadline: '2025-06-30',
    tags: ['klimaat', 'udo', 'verantwoordingslast'],
    updates: [
      {
        on: '2024-09-24',
        status: 'in_progress',
        health: 'on_track',
        percent: 45,
        narrative: 'Indicatorenset teruggebracht van 40 naar 9 indicatoren.',
      },
      {
        on: '2025-06-19',
        status: 'met',
        narrative: 'Model vastgesteld in het bestuurlijk overleg klimaat.',
      },
    ],
  },
  {
    key: 'nplg-gebiedsprogrammas',
    track: 2,
    commitment: 'udo-nplg',
    title: 'Gebiedsprogramma’s beoordelen en de Rijksbijdrage toekennen',
    description:
      'Beoordeling van de provinciale gebiedsprogramma’s en toekenning van de Rijksbijdrage uit het Transitiefonds.',
    owner: 'LNV',
    partners: { IPO: 'co_owner', UVW: 'contributor', VNG: 'informed' },
    startDate: '2023-07-01',
    deadline: '2025-12-31',
    tags: ['nplg', 'landelijk-gebied', 'stikstof'],
    updates: [
      {
        on: '2024-03-19',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative:
          'Alle twaalf gebiedsprogramma’s ingediend; toetsing door de Ecologische Autoriteit loopt.',
      },
      {
        on: '2024-10-08',
        status: 'lapsed',
        narrative: 'Toekenning stopgezet; provincies herzien hun gebiedsprogramma’s.',
        reason:
          'Het kabinet heeft het Transitiefonds landelijk gebied geschrapt; de afgesproken Rijksbijdrage vervalt.',
      },
    ],
    comments: [
      {
        on: '2024-10-15',
        by: LIAISON_UVW,
        body: 'De waterschappen hebben geïnvesteerd in de gebiedsprocessen; het schrappen van de bijdrage raakt de wateropgave direct.',
        position: 'objects',
      },
    ],
  },
  {
    key: 'udo-waterschappen',
    track: 2,
    title: 'Waterschappen standaard betrekken bij UDO-trajecten met gevolgen voor waterschapstaken',
    description:
      'Een signaleringslijst van wetsvoorstellen met gevolgen voor waterschappen, zodat de UvW vroeg aan tafel zit.',
    owner: 'UVW',
    ownerUser: EDITOR_UVW,
    partners: { BZK: 'contributor', IENW: 'informed' },
    startDate: '2025-09-01',
    deadline: '2026-06-30',
    tags: ['udo', 'waterschappen'],
    updates: [
      {
        on: '2025-10-21',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative: 'Signaleringslijst afgestemd met BZK; IenW levert de wetgevingsplanning.',
      },
      {
        on: '2026-06-25',
        status: 'met',
        narrative:
          'Werkafspraak vastgelegd: BZK meldt elk nieuw UDO-traject met waterschapstaken aan de UvW.',
      },
    ],
  },
  {
    key: 'gemeentefonds-verdeling',
    track: 2,
    title: 'Herijking van de verdeling van het gemeentefonds: overgangsregeling monitoren',
    description:
      'Gevolgen van de herijkte verdeling per gemeente volgen, met bijzondere aandacht voor de kleine gemeenten.',
    owner: 'VNG',
    ownerUser: EDITOR_VNG,
    partners: { BZK: 'co_owner', FIN: 'informed' },
    startDate: '2025-01-01',
    deadline: '2026-12-31',
    tags: ['gemeentefonds', 'verdeling'],
    updates: [],
  },
];
