import { EDITOR_BZK, EDITOR_FIN, LIAISON_IPO, LIAISON_VNG } from './people';
import type { ActionSeed } from './types';

/** Line of work 3: the BOFv agreements of spring 2024. */
export const FINANCIEN_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'opschalingskorting-voorjaarsnota',
    track: 2,
    commitment: 'bofv-2024-opschalingskorting',
    title:
      'Schrappen van de oploop van de opschalingskorting verwerken in Voorjaarsnota en meicirculaire 2024',
    description:
      'Budgettaire verwerking vanaf 2026 in de begrotingen van gemeentefonds en provinciefonds.',
    owner: 'FIN',
    ownerUser: EDITOR_FIN,
    partners: { BZK: 'co_owner', VNG: 'informed', IPO: 'informed' },
    startDate: '2024-04-15',
    deadline: '2024-06-30',
    tags: ['bofv', 'opschalingskorting', 'gemeentefonds', 'provinciefonds'],
    verification: 'verified',
    updates: [
      {
        on: '2024-04-16',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative: 'Verwerkt in de Voorjaarsnota 2024; meicirculaire in voorbereiding.',
      },
      {
        on: '2024-05-31',
        status: 'met',
        narrative:
          'Meicirculaire verschenen: 675 miljoen euro structureel voor gemeenten, ruim 40 miljoen voor provincies vanaf 2026.',
      },
    ],
  },
  {
    key: 'bbp-invoering',
    track: 2,
    commitment: 'bofv-2024-bbp',
    title: 'Bbp-systematiek per 2024 invoeren in gemeente- en provinciefonds',
    description:
      'Vervroegde invoering van de indexatie op basis van het bbp, met de afspraken over 2025.',
    owner: 'FIN',
    ownerUser: EDITOR_FIN,
    partners: { BZK: 'co_owner', VNG: 'contributor', IPO: 'contributor' },
    startDate: '2024-04-15',
    deadline: '2024-09-30',
    tags: ['bofv', 'bbp-systematiek', 'gemeentefonds', 'provinciefonds'],
    verification: 'verified',
    updates: [
      {
        on: '2024-05-31',
        status: 'in_progress',
        health: 'on_track',
        percent: 60,
        narrative: 'Accres 2024 in de meicirculaire al volgens de bbp-systematiek berekend.',
      },
      {
        on: '2024-09-17',
        status: 'met',
        narrative:
          'Ontwerpbegrotingen 2025 van beide fondsen op Prinsjesdag volgens de nieuwe systematiek ingediend.',
      },
    ],
  },
  {
    key: 'bbp-fysiek-onderzoek',
    track: 2,
    commitment: 'bofv-2024-bbp-fysiek',
    title: 'Onderzoek kostenontwikkeling ov, infrastructuur en natuur tegenover de bbp-systematiek',
    description:
      'Onafhankelijk onderzoek of de fondsen evenredig meebewegen met de kosten op de drie fysieke beleidsterreinen.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { FIN: 'co_owner', IPO: 'co_owner', IENW: 'contributor', LNV: 'contributor' },
    startDate: '2024-06-01',
    deadline: '2025-06-30',
    tags: ['bofv', 'bbp-systematiek', 'ov', 'natuur', 'infrastructuur'],
    verification: 'partner_reviewed',
    updates: [
      {
        on: '2024-10-01',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative: 'Onderzoeksbureau geselecteerd; begeleidingscommissie met IPO en FIN ingericht.',
      },
      {
        on: '2025-05-13',
        health: 'at_risk',
        percent: 80,
        narrative: 'Conceptrapport: voor ov en natuur groeien de kosten sneller dan het bbp.',
        reason: 'Discussie over de gebruikte kostenindex voor ov vertraagt de oplevering.',
      },
      {
        on: '2025-07-08',
        status: 'met',
        narrative:
          'Eindrapport vastgesteld in het BOFv; vervolg in de concretisering van handelingsperspectieven.',
      },
    ],
    comments: [
      {
        on: '2025-07-10',
        by: LIAISON_IPO,
        body: 'Bevestigd. Het rapport onderbouwt wat provincies al jaren zeggen over de ov-kosten.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'handelingsperspectieven',
    track: 2,
    commitment: 'bofv-2024-bbp-fysiek',
    title: 'Handelingsperspectieven voor ov, infrastructuur en natuur concretiseren',
    description: 'Per beleidsterrein oplossingsrichtingen uitwerken en voorleggen aan het BOFv.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { IPO: 'co_owner', FIN: 'co_owner', IENW: 'contributor', LNV: 'contributor' },
    startDate: '2025-09-01',
    deadline: '2027-03-31',
    tags: ['bofv', 'bbp-systematiek'],
    updates: [
      {
        on: '2025-10-14',
        status: 'in_progress',
        health: 'on_track',
        percent: 15,
        narrative: 'Drie werkgroepen gestart, elk met een trekker van het vakdepartement.',
      },
      {
        on: '2026-07-01',
        health: 'at_risk',
        percent: 40,
        narrative: 'Infrastructuur loopt op schema; ov ligt stil en natuur wacht op LNV.',
        reason: 'De werkgroep ov is vastgelopen, zie de subactie.',
      },
    ],
  },
  {
    key: 'handelingsperspectief-ov',
    track: 2,
    parent: 'handelingsperspectieven',
    commitment: 'bofv-2024-bbp-fysiek',
    title: 'Handelingsperspectief openbaar vervoer',
    description:
      'Oplossingsrichtingen voor de kostenstijging in de ov-concessies van provincies en vervoerregio’s.',
    owner: 'IENW',
    partners: { IPO: 'co_owner', FIN: 'contributor' },
    startDate: '2025-10-01',
    deadline: '2026-06-30',
    tags: ['bofv', 'ov'],
    escalation: 'administrative',
    updates: [
      {
        on: '2025-11-04',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Analyse van de concessiekosten per provincie gereed.',
      },
      {
        on: '2026-04-21',
        health: 'off_track',
        percent: 30,
        narrative:
          'Geen overeenstemming over een aparte indexering voor ov. Geagendeerd voor het bestuurlijk overleg.',
        reason:
          'IenW en FIN willen binnen de bbp-systematiek blijven; IPO vraagt een aparte ov-index.',
      },
    ],
    comments: [
      {
        on: '2026-04-28',
        by: LIAISON_IPO,
        body: 'Zonder aparte index moeten provincies volgend jaar ov-lijnen schrappen. Het IPO kan niet akkoord gaan met de huidige lijn.',
        position: 'objects',
      },
    ],
  },
  {
    key: 'handelingsperspectief-natuur',
    track: 2,
    parent: 'handelingsperspectieven',
    commitment: 'bofv-2024-bbp-fysiek',
    title: 'Handelingsperspectief natuur',
    description:
      'Oplossingsrichtingen voor beheer en ontwikkeling van natuur na het stoppen van het Transitiefonds.',
    owner: 'LNV',
    partners: { IPO: 'co_owner', FIN: 'contributor' },
    startDate: '2025-10-01',
    deadline: '2026-12-31',
    tags: ['bofv', 'natuur'],
    updates: [
      {
        on: '2026-01-20',
        status: 'in_progress',
        health: 'at_risk',
        percent: 15,
        narrative:
          'Kostenbeeld natuurbeheer opgesteld; LNV heeft nog geen mandaat voor oplossingsrichtingen.',
        reason: 'Herziening van het beleid voor het landelijk gebied is nog niet afgerond.',
      },
    ],
  },
  {
    key: 'handelingsperspectief-infra',
    track: 2,
    parent: 'handelingsperspectieven',
    commitment: 'bofv-2024-bbp-fysiek',
    title: 'Handelingsperspectief infrastructuur (beheer en onderhoud)',
    description:
      'Oplossingsrichtingen voor de kosten van beheer en onderhoud van provinciale en gemeentelijke infrastructuur.',
    owner: 'IENW',
    partners: { IPO: 'co_owner', VNG: 'contributor', UVW: 'informed' },
    startDate: '2025-10-01',
    deadline: '2027-03-31',
    tags: ['bofv', 'infrastructuur'],
    updates: [
      {
        on: '2026-02-03',
        status: 'in_progress',
        health: 'on_track',
        percent: 25,
        narrative: 'Gezamenlijke onderhoudsopgave bruggen en kademuren in beeld.',
      },
      {
        on: '2026-09-22',
        percent: 50,
        narrative: 'Twee oplossingsrichtingen uitgewerkt; doorrekening door het CPB aangevraagd.',
      },
    ],
  },
  {
    key: 'doorlichting-specifieke-uitkeringen',
    track: 2,
    commitment: 'bofv-2024-specifieke-uitkeringen',
    title: 'Alle specifieke uitkeringen doorlichten',
    description:
      'Per specifieke uitkering: doel, verantwoordingslast, en of overheveling naar de algemene uitkering kan.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { FIN: 'co_owner', VNG: 'contributor', IPO: 'contributor' },
    startDate: '2024-06-01',
    deadline: '2025-06-30',
    tags: ['bofv', 'specifieke-uitkeringen', 'verantwoordingslast'],
    verification: 'verified',
    updates: [
      {
        on: '2024-11-12',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative: 'Uitvraag bij alle departementen afgerond.',
      },
      {
        on: '2025-06-24',
        status: 'met',
        narrative:
          'Doorlichting gereed; 31 uitkeringen komen in aanmerking voor overheveling of samenvoeging.',
      },
    ],
  },
  {
    key: 'afbouw-specifieke-uitkeringen',
    track: 2,
    commitment: 'bofv-2024-specifieke-uitkeringen',
    title: 'Afbouwplan: een vijfde minder specifieke uitkeringen in 2027',
    description:
      'Uitvoering van de doorlichting: overheveling naar de algemene uitkering of bundeling in brede doeluitkeringen.',
    owner: 'FIN',
    ownerUser: EDITOR_FIN,
    partners: { BZK: 'co_owner', VNG: 'contributor', IPO: 'contributor' },
    startDate: '2025-07-01',
    deadline: '2027-01-01',
    tags: ['bofv', 'specifieke-uitkeringen'],
    updates: [
      {
        on: '2025-09-16',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Zes uitkeringen overgeheveld in de begroting 2026.',
      },
      {
        on: '2026-09-15',
        health: 'at_risk',
        percent: 35,
        narrative:
          'In de begroting 2027 slechts drie extra overhevelingen; doel van 31 niet haalbaar.',
        reason:
          'Vakdepartementen houden vast aan specifieke uitkeringen vanwege verantwoording aan de Kamer.',
      },
    ],
    comments: [
      {
        on: '2026-09-23',
        by: LIAISON_VNG,
        body: 'De VNG steunt het plan, maar verwacht dat BZK de departementen hier actief op aanspreekt.',
        position: 'supports',
      },
    ],
  },
];
