import {
  ACTIEAGENDA_2023,
  BOFV_NIEUWS_2024,
  EK_ACTIEAGENDA_2024,
  ROB_RAAMWERK,
  ROB_RNRG,
  ROB_RNRG_KABINET,
  STAAT_BESTUUR_2020,
} from './sources';
import type { CommitmentSeed } from './types';

const RNRG = 'Rol nemen, Ruimte geven';
const RAAMWERK = 'Raamwerk voor toekomstbestendige financiële verhoudingen';
// The letter of 12 June 2024 dates the Overhedenoverleg to "september 2023" only; the first
// of the month stands in for the day. The BOFv agreements were announced on 15 April 2024.
const OVERHEDENOVERLEG_2023 = '2023-09-01';
const BOFV_2024 = '2024-04-15';

/** ROB advice, the Code, the Overhedenoverleg and the BOFv: the agreements about the relations. */
export const ADVICE_AND_AGREEMENTS: readonly CommitmentSeed[] = [
  {
    key: 'rob-rnrg-1',
    title: 'Verwachtingen expliciteren bij de start van een interbestuurlijke samenwerking',
    description:
      'De ROB adviseert om voor het begin van een samenwerkingstraject een meerjarig procesontwerp af te spreken, waarin ook de democratische aansturing en verantwoording zijn geregeld, met een model voor gelijkwaardig partnerschap (zes vragen vooraf). De minister omarmt dit en bekijkt of het model toepasbaar is bij nieuwe opgaven.',
    dateAgreed: '2021-07-06',
    attributes: {
      kind: 'rob_recommendation',
      adviceTitle: RNRG,
      recommendationNumber: 1,
      cabinetResponse: 'embraced',
    },
    parties: ['BZK', 'ROB'],
    references: [ROB_RNRG, ROB_RNRG_KABINET],
  },
  {
    key: 'rob-rnrg-2',
    title: 'Eén bewindspersoon integraal verantwoordelijk voor een grote gebiedsgerichte opgave',
    description:
      'Om de muren tussen ministeries af te breken adviseert de ROB één minister verantwoordelijk te maken voor de resultaten van een grote opgave, ondersteund door meerdere departementen. De minister onderschrijft dit (vergelijk «Wind in de zeilen» in Zeeland en de wijkwethouder) en ziet voor BZK als stelselverantwoordelijke een rol in kaders voor een integrale werkwijze van het Rijk.',
    dateAgreed: '2021-07-06',
    attributes: {
      kind: 'rob_recommendation',
      adviceTitle: RNRG,
      recommendationNumber: 2,
      cabinetResponse: 'embraced',
    },
    parties: ['BZK', 'ROB'],
    references: [ROB_RNRG, ROB_RNRG_KABINET],
  },
  {
    key: 'rob-rnrg-3',
    title: 'Scherper beeld van de regio: kennis en personeel uitwisselen tussen Rijk en regio',
    description:
      'De ROB adviseert meer kennis- en personeelsuitwisseling tussen Rijk en medeoverheden, training in interbestuurlijk en integraal samenwerken, en per ministerie een eigen visie op interbestuurlijk samenwerken binnen kaders van BZK. De minister deelt de richting, maar betwijfelt of het Rijk alles van alle regio’s moet weten: partnerschap waarin ieder bijdraagt vanuit eigen kracht.',
    dateAgreed: '2021-07-06',
    attributes: {
      kind: 'rob_recommendation',
      adviceTitle: RNRG,
      recommendationNumber: 3,
      cabinetResponse: 'partially_embraced',
    },
    parties: ['BZK', 'ROB'],
    references: [ROB_RNRG, ROB_RNRG_KABINET],
  },
  {
    key: 'rob-ondersteuning-1',
    title:
      'Meer richting en normering voor de ondersteuning van decentrale volksvertegenwoordigingen',
    description:
      'De minister onderschrijft het pleidooi van de ROB in «Goede ondersteuning, sterke democratie» (2020) voor meer richting en normering voor de omvang van griffie, ambtelijke bijstand, fractieondersteuning en lokale rekenkamers.',
    dateAgreed: '2021-02-02',
    attributes: {
      kind: 'rob_recommendation',
      adviceTitle: 'Goede ondersteuning, sterke democratie',
      recommendationNumber: 1,
      cabinetResponse: 'embraced',
    },
    parties: ['BZK', 'ROB', 'VNG', 'IPO'],
    references: [STAAT_BESTUUR_2020],
  },
  {
    key: 'rob-normering-1',
    title:
      'Meer stabiliteit in de financiële verhoudingen (advies Toepassing Normeringssystematiek)',
    description:
      'Het kabinet vroeg de ROB, conform de afspraak in het bestuurlijk overleg met gemeenten en provincies, om advies over de toepassing van de normeringssystematiek. De ROB geeft aan dat meer stabiliteit in de financiële verhoudingen gewenst is. Besluitvorming over het advies is aan een volgend kabinet.',
    dateAgreed: '2021-07-06',
    attributes: {
      kind: 'rob_recommendation',
      adviceTitle: 'Toepassing Normeringssystematiek',
      recommendationNumber: 1,
      cabinetResponse: 'pending',
    },
    parties: ['BZK', 'FIN', 'ROB', 'VNG', 'IPO'],
    references: [
      ROB_RNRG_KABINET,
      {
        document: 'Bestuurlijk overleg met gemeenten en provincies (Kamerstuk 35 420, nr. 43)',
        kamerstuk: '35420-43',
      },
    ],
  },
  {
    key: 'rob-raamwerk-1',
    title:
      'Per beleidsterrein de rol van decentrale overheden expliciet maken; bekostiging en risicodeling congruent met beleidsvrijheid',
    description:
      'De ROB constateert dat taken, verantwoordelijkheden en bekostiging steeds slechter op elkaar aansluiten en dat de beleidsvrijheid van gemeenten en provincies wordt uitgehold. De minister onderstreept het nut van de discussie; de kabinetsreactie laat hij aan het volgende kabinet.',
    dateAgreed: '2024-02-29',
    attributes: {
      kind: 'rob_recommendation',
      adviceTitle: RAAMWERK,
      recommendationNumber: 1,
      cabinetResponse: 'pending',
    },
    parties: ['BZK', 'ROB', 'VNG', 'IPO'],
    references: [ROB_RAAMWERK, EK_ACTIEAGENDA_2024],
  },
  {
    key: 'code-ibv',
    title:
      'Code Interbestuurlijke Verhoudingen: spelregels voor de samenwerking tussen de vier overheden',
    description:
      'Rijk, VNG, IPO en UvW leggen in de Code Interbestuurlijke Verhoudingen vast hoe zij samenwerken. Artikel 8: na de start van een nieuw kabinet vindt zo spoedig mogelijk een Overhedenoverleg plaats. Artikel 9: financiële en bestuurlijke consequenties van Europese regelgeving worden voorafgaand aan implementatie in kaart gebracht.',
    dateAgreed: '2023-03-20',
    attributes: { kind: 'agenda_item' },
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [ACTIEAGENDA_2023],
  },
  {
    key: 'oo-2023-jaarlijks',
    title: 'Het Overhedenoverleg wordt jaarlijks georganiseerd',
    description:
      'In het Overhedenoverleg van september 2023 spraken de koepels van de medeoverheden met een kabinetsdelegatie over de balans tussen ambities, taken, middelen en uitvoeringskracht, en sprak men de wens uit het overleg jaarlijks te organiseren, vanuit gedeelde verantwoordelijkheid voor de grote maatschappelijke opgaven.',
    dateAgreed: OVERHEDENOVERLEG_2023,
    attributes: { kind: 'overhedenoverleg_agreement', meetingDate: OVERHEDENOVERLEG_2023 },
    parties: ['BZK', 'FIN', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'oo-2023-nieuw-kabinet',
    title: 'Zo spoedig mogelijk na de start van een nieuw kabinet een Overhedenoverleg',
    description:
      'Het Overhedenoverleg herbevestigde de afspraak uit artikel 8 van de Code Interbestuurlijke Verhoudingen: na de start van een nieuw kabinet vindt zo spoedig mogelijk een Overhedenoverleg plaats, bijvoorbeeld als opmaat naar een bestuursakkoord over de nieuwe ambities.',
    dateAgreed: OVERHEDENOVERLEG_2023,
    attributes: { kind: 'overhedenoverleg_agreement', meetingDate: OVERHEDENOVERLEG_2023 },
    parties: ['BZK', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024, ACTIEAGENDA_2023],
    lineage: [{ earlier: 'code-ibv', relation: 'repeats' }],
  },
  {
    key: 'oo-2023-balans',
    title: 'Samen werken aan de balans tussen ambities, taken, middelen en uitvoeringskracht',
    description:
      'Rijk en medeoverheden nemen de balans tussen ambities, taken, middelen en uitvoeringskracht als uitgangspunt voor nieuwe afspraken, en spreken elkaar daar vaker overkoepelend op aan: wat gaat goed en wat moet beter?',
    dateAgreed: OVERHEDENOVERLEG_2023,
    attributes: { kind: 'overhedenoverleg_agreement', meetingDate: OVERHEDENOVERLEG_2023 },
    parties: ['BZK', 'FIN', 'VNG', 'IPO', 'UVW'],
    references: [EK_ACTIEAGENDA_2024],
  },
  {
    key: 'bofv-2024-opschalingskorting',
    title: 'Oploop van de opschalingskorting vanaf 2026 definitief geschrapt',
    description:
      'In het BOFv van het voorjaar van 2024 is afgesproken dat de oploop van de opschalingskorting vanaf 2026 definitief wordt geschrapt. Gemeenten krijgen daardoor 675 miljoen euro extra, provincies ruim 40 miljoen.',
    dateAgreed: BOFV_2024,
    attributes: {
      kind: 'bofv_agreement',
      meetingDate: BOFV_2024,
      financialEffect: { amountEuroPerYear: 675_000_000, fromYear: 2026 },
    },
    parties: ['BZK', 'FIN', 'VNG', 'IPO'],
    references: [EK_ACTIEAGENDA_2024, BOFV_NIEUWS_2024],
  },
  {
    key: 'bofv-2024-bbp',
    title: 'Nieuwe financieringssystematiek (bbp-systematiek) al vanaf 2024',
    description:
      'De indexatie van gemeente- en provinciefonds op basis van de ontwikkeling van het bbp gaat al vanaf 2024 in, zodat de financiering stabieler wordt. Met uitzondering van 2025 heeft de overgang geen financiële gevolgen voor gemeenten en provincies.',
    dateAgreed: BOFV_2024,
    attributes: { kind: 'bofv_agreement', meetingDate: BOFV_2024 },
    parties: ['BZK', 'FIN', 'VNG', 'IPO'],
    references: [EK_ACTIEAGENDA_2024, BOFV_NIEUWS_2024],
    lineage: [{ earlier: 'rob-normering-1', relation: 'supplements' }],
  },
  {
    key: 'bofv-2024-bbp-fysiek',
    title:
      'Onderzoek: beweegt de bbp-systematiek mee met de kosten van ov, infrastructuur en natuur?',
    description:
      'Op het fysieke terrein wordt onderzocht of de bbp-systematiek evenredig meebeweegt met de kostenontwikkeling op openbaar vervoer, infrastructuur en natuur. Voor deze drie beleidsterreinen worden handelingsperspectieven en oplossingsrichtingen verder geconcretiseerd.',
    dateAgreed: BOFV_2024,
    attributes: { kind: 'bofv_agreement', meetingDate: BOFV_2024 },
    parties: ['BZK', 'FIN', 'IENW', 'LNV', 'IPO', 'VNG'],
    references: [EK_ACTIEAGENDA_2024],
    lineage: [{ earlier: 'bofv-2024-bbp', relation: 'supplements' }],
  },
  {
    key: 'bofv-2024-wmo',
    title: 'Beheersbaarheid van de uitgaven voor de wettelijke zorgtaken van de Wmo 2015 borgen',
    description:
      'Rijk en gemeenten werken samen om de uitgaven voor de Wmo 2015 beheersbaar te maken, onder meer door het openeinde-deel van de regeling te beëindigen. Een nader te bepalen deel van de Wmo 2015 loopt niet langer via de algemene uitkering maar via een aparte financiering, met een passende, geobjectiveerde indexering die rekening houdt met kostenontwikkeling, demografie en vergrijzing.',
    dateAgreed: BOFV_2024,
    attributes: { kind: 'bofv_agreement', meetingDate: BOFV_2024 },
    parties: ['BZK', 'VWS', 'FIN', 'VNG'],
    references: [EK_ACTIEAGENDA_2024, BOFV_NIEUWS_2024],
    lineage: [{ earlier: 'oo-2023-balans', relation: 'supplements' }],
  },
  {
    key: 'bofv-2024-specifieke-uitkeringen',
    title: 'Plan voor doorlichting en vermindering van het aantal (nieuwe) specifieke uitkeringen',
    description:
      'Om verantwoordingslasten te beperken en bestedingsvrijheid te bevorderen werken Rijk, VNG en IPO, naast de aanpassing van de Financiële-verhoudingswet, een plan uit voor doorlichting en waar mogelijk vermindering van het aantal (nieuwe) specifieke uitkeringen.',
    dateAgreed: BOFV_2024,
    attributes: { kind: 'bofv_agreement', meetingDate: BOFV_2024 },
    parties: ['BZK', 'FIN', 'VNG', 'IPO'],
    references: [
      EK_ACTIEAGENDA_2024,
      { document: 'Kamerstukken II 2023-2024, 36 550, nr. 1', kamerstuk: '36550-1' },
      BOFV_NIEUWS_2024,
    ],
    lineage: [{ earlier: 'rob-raamwerk-1', relation: 'supplements' }],
  },
];
