import {
  ACTIEAGENDA_2023,
  EK_ACTIEAGENDA_2024,
  MAGAZINE_THORBECKE,
  SLOTBIJEENKOMST_2020,
  STAAT_BESTUUR_2020,
} from './sources';
import type { CommitmentSeed } from './types';

const item = { kind: 'agenda_item' } as const;

/** Items of the action agenda itself, and the promises of the round of talks on the Thorbeckebrief. */
export const AGENDA_ITEMS: readonly CommitmentSeed[] = [
  {
    key: 'ai-beleidskader',
    title: 'Beleidskader decentraal bestuur',
    description:
      'Met de departementen, VNG, IPO en UvW zijn de eerste stappen gezet naar een beleidskader decentraal bestuur: een instrument voor een passende verdeling van taken en bevoegdheden, in samenhang met de UDO. Het vaststellen is aan een volgend kabinet.',
    dateAgreed: '2024-06-12',
    attributes: item,
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024, ACTIEAGENDA_2023],
  },
  {
    key: 'ai-visie-regio',
    title: 'Visie op de regio en een afwegingskader voor regionale samenwerking',
    description:
      'Een visie op «de regio» en een afwegingskader: bij taaktoedeling of grensoverstijgende opgaven afwegen of voor het regionale niveau wordt gekozen, met terughoudendheid in verplichte samenwerking, meer congruentie in regio-indelingen en aandacht voor taakdifferentiatie als alternatief.',
    dateAgreed: '2024-06-12',
    attributes: item,
    parties: ['BZK', 'VNG', 'IPO'],
    references: [EK_ACTIEAGENDA_2024],
    lineage: [{ earlier: 'udo-wgr', relation: 'supplements' }],
  },
  {
    key: 'ai-feedbackloop',
    title:
      'Platform Sociaal Domein en Platform PLeK: een duurzame feedbackloop tussen uitvoering en beleid',
    description:
      'Vanuit de actieagenda zijn het Platform Sociaal Domein en het Platform PLeK (fysieke leefomgeving) opgericht. Resultaten en lessen uit de decentrale uitvoering moeten beter doorwerken in landelijk beleid en regelgeving.',
    dateAgreed: '2024-06-12',
    attributes: item,
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'ai-burgemeesters',
    title: 'Afwegingskader bevoegdheden burgemeesters',
    description:
      'Een afwegingskader voor nieuwe bevoegdheden van burgemeesters, als onderdeel van de inzet op een sterke positie en goede ondersteuning van decentrale besturen.',
    dateAgreed: '2024-06-12',
    attributes: item,
    parties: ['BZK', 'JENV', 'VNG', 'NGB'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'ai-aantal-volksvertegenwoordigers',
    title: 'Onderzoek naar het wenselijke aantal decentrale volksvertegenwoordigers',
    description:
      'Onderzoek naar het wenselijke aantal raads-, staten- en algemeen-bestuursleden in verhouding tot de taken en de werkdruk van decentrale volksvertegenwoordigers.',
    dateAgreed: '2024-06-12',
    attributes: item,
    parties: ['BZK', 'VNG', 'IPO', 'UVW', 'NVVR'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'ai-eu-dossiers',
    title: 'Interbestuurlijke samenwerking op EU-dossiers versterken',
    description:
      'Consequenties van Europese regelgeving voor decentrale overheden worden in een vroeg stadium van de totstandkoming van Europees beleid in kaart gebracht (Code Interbestuurlijke Verhoudingen, artikel 9), zodat tijdig invloed kan worden uitgeoefend op de uitvoerbaarheid.',
    dateAgreed: '2024-06-12',
    attributes: item,
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
    lineage: [{ earlier: 'code-ibv', relation: 'supplements' }],
  },
  {
    key: 'ai-route35',
    title: 'Route 35: escalatiemodel van de Regionale Energiestrategieën',
    description:
      'Provincies, gemeenten en waterschappen maken in RES-regio’s plannen die samen 35 TWh hernieuwbare energie op land in 2030 opleveren. Dreigt het doel niet gehaald te worden, dan volgen eerst gesprekken binnen en tussen de regio’s; de koepels hebben zich vooraf verbonden aan een verdeelsystematiek voor als dat niet lukt.',
    attributes: item,
    parties: ['KGG', 'BZK', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'ai-novex',
    title:
      'NOVEX: ruimtelijke voorstellen van de provincies en ruimtelijke arrangementen met het Rijk',
    description:
      'Onder regie van de provincies wordt eerst decentraal een ruimtelijke puzzel gelegd en als ruimtelijk voorstel aan het Rijk aangeboden; daarop volgen wederkerige bestuurlijke afspraken in een ruimtelijk arrangement. De voorstellen zijn bouwstenen voor de nieuwe Nota Ruimte; in 16 NOVEX-gebieden is extra versnelling en gezamenlijke regie afgesproken.',
    attributes: item,
    parties: ['VRO', 'BZK', 'IPO', 'VNG', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'ai-democratie-in-actie',
    title: 'Democratie in Actie: verbinding tussen inwoners en lokaal bestuur versterken',
    description:
      'In het programma Democratie in Actie, waaraan 260 gemeenten meedoen, beproeven gemeenten nieuwe wegen zoals door loting samengestelde burgerfora, burgerpanels en het uitdaagrecht.',
    dateAgreed: '2021-02-02',
    attributes: item,
    parties: ['BZK', 'VNG', 'PRODEMOS'],
    references: [STAAT_BESTUUR_2020],
  },
  {
    key: 'ai-politiek-verlof',
    title:
      'Ruimere mogelijkheden voor politiek verlof voor decentrale volksvertegenwoordigers en bestuurders',
    description:
      'De aantrekkelijkheid van het politieke ambt hangt mede af van de randvoorwaarden; ruimere mogelijkheden voor politiek verlof zijn daarbij een belangrijk onderwerp.',
    dateAgreed: '2021-02-02',
    attributes: item,
    parties: ['BZK', 'SZW', 'VNG', 'IPO', 'UVW'],
    references: [STAAT_BESTUUR_2020],
  },
  {
    key: 'ai-vervolgesprek',
    title: 'Vervolgesprek tussen de bij de Roadshow betrokken bestuurders en de minister',
    description:
      'Toegezegd in de landelijke slotbijeenkomst van 9 december 2020: BZK arrangeert een vervolgesprek tussen de bij de Roadshow over de Thorbeckebrief betrokken bestuurders en de minister.',
    dateAgreed: '2020-12-09',
    attributes: item,
    parties: ['BZK', 'IPO', 'VNG', 'UVW'],
    references: [SLOTBIJEENKOMST_2020],
  },
  {
    key: 'ai-verslag-provinciesheets',
    title: 'Verslag en provinciesheets van de gespreksronde in januari beschikbaar',
    description:
      'Toegezegd in de landelijke slotbijeenkomst: BZK stelt in januari het verslag en de provinciesheets van de ronde langs de twaalf provincies beschikbaar.',
    dateAgreed: '2020-12-09',
    attributes: item,
    parties: ['BZK'],
    references: [SLOTBIJEENKOMST_2020, MAGAZINE_THORBECKE],
  },
  {
    key: 'ai-prioriteiten-formatie',
    title: 'Gezamenlijk prioriteitenlijstje van de medeoverheden aan de voorkant van de formatie',
    description:
      'BZK roept de medeoverheden op zich sterk te maken voor een gezamenlijk gedeeld prioriteitenlijstje. BZK noteert zelf richting formatie: financiële toerusting van gemeenten, meer stabiliteit in de financiële verhoudingen, een groter eigen belastinggebied, de Wgr en een bestuurlijke impact assessment aan de voorkant van beleid.',
    dateAgreed: '2020-12-09',
    attributes: item,
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [SLOTBIJEENKOMST_2020],
  },
];
