import { EK_ACTIEAGENDA_2024, ROB_RNRG_KABINET, STAAT_BESTUUR_2020 } from './sources';
import type { CommitmentSeed } from './types';

const MINISTER_BZK = 'Minister van Binnenlandse Zaken en Koninkrijksrelaties';

/** UDO trajectories: bills and policies whose administrative-financial arrangement is agreed early. */
export const UDO_TRAJECTORIES: readonly CommitmentSeed[] = [
  {
    key: 'udo-wmo-eigen-bijdrage',
    title: 'UDO wetsvoorstel inkomens- en vermogensafhankelijke eigen bijdrage Wmo',
    description:
      'Het afschaffen van de inkomensafhankelijke bijdrage en het abonnementstarief deed het beroep op de Wmo stijgen, vooral bij midden- en hogere inkomens. Een wetsvoorstel voor de (her)invoering van een inkomens- en vermogensafhankelijke eigen bijdrage en afschaffing van het abonnementstarief is in voorbereiding.',
    attributes: {
      kind: 'udo_trajectory',
      billOrPolicy: 'Wetsvoorstel inkomens- en vermogensafhankelijke eigen bijdrage Wmo 2015',
      leadMinistry: 'VWS',
      phase: 'design',
    },
    parties: ['VWS', 'BZK', 'VNG'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'udo-spreidingswet',
    title: 'Bestuurlijke en financiële randvoorwaarden van de Spreidingswet',
    description:
      'Met de Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen krijgen gemeenten een wettelijke taak en is meer centrale regie ingericht voor voldoende opvangplekken en een evenwichtige verdeling over provincies en gemeenten. BZK dacht met JenV mee over de bestuurlijke en financiële randvoorwaarden en de rol van de provincies.',
    attributes: {
      kind: 'udo_trajectory',
      billOrPolicy:
        'Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen (Spreidingswet)',
      leadMinistry: 'JENV',
      phase: 'implementation',
      outcome: 'Wettelijke taak voor gemeenten; provincies regisseren de verdeling.',
    },
    parties: ['JENV', 'BZK', 'VNG', 'IPO', 'COA'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'udo-jeugd-regio',
    title: 'Verplichte regionale samenwerking bij de inkoop van specialistische jeugdzorg',
    description:
      'Bij de Tweede Kamer ligt een wetsvoorstel om gemeenten verplicht regionaal te laten samenwerken bij de inkoop van specialistische jeugdzorg (met gebruikmaking van de Wgr). BZK toetst zulke voorstellen aan het uitgangspunt dat regionale samenwerking vrijwillig is; hier is de afweging gemaakt.',
    attributes: {
      kind: 'udo_trajectory',
      billOrPolicy: 'Wetsvoorstel regionalisering specialistische jeugdzorg (Jeugdwet)',
      leadMinistry: 'VWS',
      phase: 'decision',
    },
    parties: ['VWS', 'JENV', 'BZK', 'VNG'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'udo-vth',
    title: 'Versterking van het VTH-stelsel milieu en de positie van omgevingsdiensten',
    description:
      'De commissie Van Aartsen concludeerde in 2021 dat de uitvoering van VTH milieu te vrijblijvend en gefragmenteerd is en deed tien aanbevelingen. In het interbestuurlijk programma versterking VTH-stelsel werken Rijk, provincies, gemeenten en omgevingsdiensten aan de opvolging; daarbij moet opnieuw worden afgewogen of VTH-taken passen bij verlengd lokaal bestuur.',
    attributes: {
      kind: 'udo_trajectory',
      billOrPolicy: 'Interbestuurlijk programma versterking VTH-stelsel',
      leadMinistry: 'IENW',
      phase: 'design',
    },
    parties: ['IENW', 'BZK', 'IPO', 'VNG'],
    references: [
      EK_ACTIEAGENDA_2024,
      {
        document:
          'Rapport commissie Van Aartsen, bijlage bij Kamerstukken II 2020-2021, 22 343 en 28 663, nr. 295',
        kamerstuk: '22343-295',
      },
    ],
  },
  {
    key: 'udo-klimaat-cdu',
    title: 'Brede doeluitkering voor klimaat- en energiebeleid met lichte verantwoording',
    description:
      'In het bestuursakkoord «Schouder aan schouder voor het klimaat» kozen de departementen samen met de medeoverheden voor een brede doeluitkering voor de uitvoering van het klimaat- en energiebeleid, met een lichte financiële verantwoording over doel en besteding.',
    attributes: {
      kind: 'udo_trajectory',
      billOrPolicy: 'Bestuursakkoord klimaat «Schouder aan schouder voor het klimaat»',
      leadMinistry: 'KGG',
      phase: 'implementation',
      outcome: 'Brede doeluitkering met lichte verantwoording over doel en besteding.',
    },
    parties: ['KGG', 'BZK', 'VNG', 'IPO', 'UVW'],
    references: [
      EK_ACTIEAGENDA_2024,
      {
        document: 'Bijlage 3 bij het Ontwerp Beleidsprogramma Klimaat',
        date: '2022-06-02',
        url: 'https://www.rijksoverheid.nl/documenten/publicaties/2022/06/02/bijlagen-bij-ontwerp-beleidsprogramma-klimaat',
      },
    ],
  },
  {
    key: 'udo-nplg',
    title: 'Gebiedsprogramma’s en Rijksbijdrage in het Nationaal Programma Landelijk Gebied',
    description:
      'Provincies werken met gemeenten, waterschappen en gebiedspartners aan gebiedsprogramma’s die samen de verplichtingen op klimaat, water, stikstof en natuur moeten waarmaken; de Ecologische Autoriteit toetst de onderbouwing, provincies kunnen een Rijksbijdrage aanvragen.',
    attributes: {
      kind: 'udo_trajectory',
      billOrPolicy: 'Nationaal Programma Landelijk Gebied (NPLG)',
      leadMinistry: 'LNV',
      phase: 'implementation',
    },
    parties: ['LNV', 'BZK', 'IPO', 'VNG', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'udo-wgr',
    title:
      'Wijziging Wet gemeenschappelijke regelingen: democratische legitimiteit van samenwerking',
    description:
      'Met de wijziging van de Wgr wordt de democratische legitimiteit van gemeenschappelijke regelingen verbeterd; raadsleden komen beter in positie om hun vertegenwoordigende en controlerende taken te vervullen.',
    attributes: {
      kind: 'udo_trajectory',
      billOrPolicy: 'Wijziging Wet gemeenschappelijke regelingen (Wgr)',
      leadMinistry: 'BZK',
      phase: 'implementation',
    },
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [STAAT_BESTUUR_2020],
  },
];

/**
 * Toezeggingen to parliament. The letters give no register numbers, and the API takes only
 * numbers in the registers' format (Tweede Kamer TZ + year and month + sequence, Eerste Kamer
 * T + five digits). The numbers below are placeholders in that format, from the 900s of the
 * letter's month and from T09000 up, so that nobody mistakes them for real register entries.
 */
export const PLEDGES: readonly CommitmentSeed[] = [
  {
    key: 'tz-convenanten',
    title: 'Kamer informeren over de actualisatie van de Aanwijzingen voor convenanten (Q3 2021)',
    description:
      'In het derde kwartaal van 2021 informeert de minister de Kamer over de actualisatie van de Aanwijzingen voor convenanten, zodat informele regionale samenwerking via akkoorden en deals beter aansluit op de bestuurspraktijk.',
    dateAgreed: '2021-02-02',
    attributes: {
      kind: 'parliamentary_pledge',
      chamber: 'tweede_kamer',
      pledgeNumber: 'TZ202102-901',
      ministerTitle: MINISTER_BZK,
    },
    parties: ['BZK'],
    references: [
      STAAT_BESTUUR_2020,
      { document: 'Kamerstuk 35 300 VII, nr. 133', kamerstuk: '35300-VII-133' },
    ],
  },
  {
    key: 'tz-lokale-democratie',
    title:
      'Kamer uitgebreider informeren over de impact van de inspanningen voor de lokale democratie',
    description:
      'Op korte termijn informeert de minister de Kamer uitgebreider over de impact van onder meer Democratie in Actie, de hogere vergoeding voor raadsleden in kleine gemeenten, het Kennispunt Lokale Politieke Partijen en het Netwerk Weerbaar Bestuur.',
    dateAgreed: '2021-02-02',
    attributes: {
      kind: 'parliamentary_pledge',
      chamber: 'tweede_kamer',
      pledgeNumber: 'TZ202102-902',
      ministerTitle: MINISTER_BZK,
    },
    parties: ['BZK'],
    references: [STAAT_BESTUUR_2020],
  },
  {
    key: 'tz-rug-onderzoek',
    title:
      'Rijksuniversiteit Groningen zet het onderzoek naar de publieke waarde van regionale samenwerking voort',
    description:
      'De minister laat de Rijksuniversiteit Groningen haar onderzoek vervolgen naar de publieke waarde die via regionale bestuurlijke samenwerking wordt gecreëerd, voor meer inzicht in de werking van het regionale bestuur.',
    dateAgreed: '2021-02-02',
    attributes: {
      kind: 'parliamentary_pledge',
      chamber: 'tweede_kamer',
      pledgeNumber: 'TZ202102-903',
      ministerTitle: MINISTER_BZK,
    },
    parties: ['BZK', 'RUG'],
    references: [STAAT_BESTUUR_2020],
  },
  {
    key: 'tz-cruciale-opgaven',
    title:
      'Met medeoverheden per cruciale opgave in kaart brengen wat het lokale bestuur nodig heeft',
    description:
      'In lijn met de motie Özütok voert de minister met de medeoverheden het gesprek over de meest cruciale opgaven en brengt per opgave in kaart wat randvoorwaardelijk nodig is, met de aanbevelingen van «Als één overheid» en de ronde langs alle provincies als bouwstenen.',
    dateAgreed: '2021-02-02',
    attributes: {
      kind: 'parliamentary_pledge',
      chamber: 'tweede_kamer',
      pledgeNumber: 'TZ202102-904',
      ministerTitle: MINISTER_BZK,
    },
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [
      STAAT_BESTUUR_2020,
      { document: 'Motie Özütok (Kamerstuk 35 570 VII)', kamerstuk: '35570-VII' },
      {
        document: 'Brief van 9 november 2020 (Kamerstuk 34 430, nr. 17)',
        kamerstuk: '34430-17',
        date: '2020-11-09',
      },
    ],
  },
  {
    key: 'tz-rnrg-reactie',
    title: 'Nadere kabinetsreactie op «Rol nemen, Ruimte geven» voorbereiden',
    description:
      'De minister adviseert het volgende kabinet de aanbevelingen van de ROB door de bril van samenwerking met de regio te bekijken, in samenhang met «Rust-Reinheid-Regelmaat» en «Toepassing Normeringssystematiek», en treft daar met andere departementen de voorbereidingen voor.',
    dateAgreed: '2021-07-06',
    attributes: {
      kind: 'parliamentary_pledge',
      chamber: 'tweede_kamer',
      pledgeNumber: 'TZ202107-901',
      ministerTitle: MINISTER_BZK,
    },
    parties: ['BZK'],
    references: [ROB_RNRG_KABINET],
    lineage: [
      { earlier: 'rob-rnrg-1', relation: 'supplements' },
      { earlier: 'rob-rnrg-2', relation: 'supplements' },
    ],
  },
  {
    key: 'tz-udo-ervaringen',
    title: 'Kamer informeren over de uitkomsten van de inventarisatie van ervaringen met de UDO',
    description:
      'Met tientallen UDO-trajecten is ervaring opgedaan. De ervaringen worden in kaart gebracht; de uitkomsten volgen in de tweede helft van 2024 en de ambtsopvolger informeert de Kamer.',
    dateAgreed: '2024-06-12',
    attributes: {
      kind: 'parliamentary_pledge',
      chamber: 'eerste_kamer',
      pledgeNumber: 'T09001',
      ministerTitle: MINISTER_BZK,
    },
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'tz-raamwerk-reactie',
    title: 'Kabinetsreactie op het ROB-briefadvies over toekomstbestendige financiële verhoudingen',
    description:
      'De minister laat de kabinetsreactie op het briefadvies «Raamwerk voor toekomstbestendige financiële verhoudingen» aan het volgende kabinet.',
    dateAgreed: '2024-06-12',
    attributes: {
      kind: 'parliamentary_pledge',
      chamber: 'eerste_kamer',
      pledgeNumber: 'T09002',
      ministerTitle: MINISTER_BZK,
    },
    parties: ['BZK', 'FIN'],
    references: [EK_ACTIEAGENDA_2024],
    lineage: [{ earlier: 'rob-raamwerk-1', relation: 'supplements' }],
  },
];
