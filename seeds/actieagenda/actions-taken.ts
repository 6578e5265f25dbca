import { EDITOR_BZK, LIAISON_IPO, LIAISON_VNG } from './people';
import type { ActionSeed } from './types';

/** Line of work 2: a fitting division of tasks and powers between the governments. */
export const TAKEN_ACTIONS: readonly ActionSeed[] = [
  {
    key: 'beleidskader',
    track: 1,
    commitment: 'ai-beleidskader',
    title:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
    description:
      'Het beleidskader met toetsingsvragen voor taaktoedeling, samen met VNG, IPO en UvW, in samenhang met de UDO.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'co_owner', IPO: 'co_owner', UVW: 'co_owner' },
    startDate: '2023-09-01',
    deadline: '2025-12-31',
    tags: ['beleidskader', 'taakverdeling'],
    escalation: 'administrative',
    updates: [
      {
        on: '2024-03-12',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative: 'Eerste versie van de toetsingsvragen besproken met de koepels.',
      },
      {
        on: '2025-11-25',
        health: 'at_risk',
        percent: 70,
        deadline: '2026-06-30',
        narrative: 'Kader inhoudelijk gereed; vaststelling wacht op het nieuwe kabinet.',
        reason:
          'Het demissionaire kabinet neemt geen besluit over nieuwe kaders; vaststelling verschuift naar na de formatie.',
      },
      {
        on: '2026-07-07',
        health: 'off_track',
        percent: 80,
        narrative:
          'Nieuwe deadline niet gehaald. Opgeschaald naar het bestuurlijk overleg met de koepels.',
        reason: 'Het nieuwe kabinet wil het kader eerst combineren met de visie op de regio.',
      },
    ],
    comments: [
      {
        on: '2026-07-15',
        by: LIAISON_VNG,
        body: 'Wij begrijpen de koppeling met de regiovisie, maar vragen het kader niet langer dan tot het voorjaar te laten liggen.',
        position: 'concerns',
      },
    ],
  },
  {
    key: 'beleidskader-toets',
    track: 1,
    parent: 'beleidskader',
    commitment: 'ai-beleidskader',
    title: 'Toetsingsvragen beproeven op drie wetsvoorstellen',
    description:
      'De toetsingsvragen van het beleidskader proefdraaien op drie wetsvoorstellen in voorbereiding.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    partners: { VNG: 'contributor', IPO: 'contributor' },
    startDate: '2025-01-15',
    deadline: '2025-09-30',
    tags: ['beleidskader', 'pilot'],
    verification: 'partner_reviewed',
    updates: [
      {
        on: '2025-04-01',
        status: 'in_progress',
        health: 'on_track',
        percent: 40,
        narrative: 'Proef gedaan bij het wetsvoorstel eigen bijdrage Wmo; twee volgen.',
      },
      {
        on: '2025-09-18',
        status: 'met',
        narrative: 'Drie proeven afgerond; de vragen over beleidsvrijheid zijn aangescherpt.',
      },
    ],
    comments: [
      {
        on: '2025-09-25',
        by: LIAISON_IPO,
        body: 'Bevestigd; de provincies hebben aan de proef met het VTH-voorstel meegedaan.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'beleidskader-beleidskompas',
    track: 1,
    parent: 'beleidskader',
    commitment: 'ai-beleidskader',
    title: 'Beleidskader en UDO verankeren in het Beleidskompas',
    description:
      'Beleidskader en UDO als vaste stappen in het Beleidskompas voor alle departementen.',
    owner: 'BZK',
    partners: { VNG: 'informed', IPO: 'informed', UVW: 'informed' },
    startDate: '2026-01-01',
    deadline: '2026-12-31',
    tags: ['beleidskader', 'udo', 'beleidskompas'],
    updates: [
      {
        on: '2026-03-03',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative:
          'Tekstvoorstel voor de module decentrale overheden in het Beleidskompas ingediend.',
      },
      {
        on: '2026-10-13',
        percent: 60,
        narrative: 'Module in consultatie bij de departementen; verwerking in december.',
      },
    ],
  },
  {
    key: 'visie-regio',
    track: 1,
    commitment: 'ai-visie-regio',
    title: 'Visie op de regio en afwegingskader regionale samenwerking',
    description:
      'Kabinetsvisie op de regio met een afwegingskader voor verplichte samenwerking en regio-indelingen.',
    owner: 'BZK',
    partners: { VNG: 'co_owner', IPO: 'co_owner', UVW: 'contributor', RLI: 'informed' },
    startDate: '2024-10-01',
    deadline: '2026-03-31',
    tags: ['regio', 'wgr', 'taakdifferentiatie'],
    updates: [
      {
        on: '2025-02-04',
        status: 'in_progress',
        health: 'on_track',
        percent: 25,
        narrative:
          'Bouwstenen verzameld, waaronder «Elke regio telt!» en de 1200 samenwerkingsverbanden.',
      },
      {
        on: '2026-02-24',
        health: 'at_risk',
        percent: 55,
        deadline: '2027-03-31',
        narrative: 'Het nieuwe kabinet wil de visie breder maken; de planning schuift een jaar.',
        reason:
          'Nieuwe opdracht van het kabinet: ook taakdifferentiatie en de positie van de provincie meenemen.',
      },
    ],
    comments: [
      {
        on: '2026-03-05',
        by: LIAISON_VNG,
        body: 'Taakdifferentiatie mag niet leiden tot A- en B-gemeenten. Graag eerst de uitgangspunten met ons bespreken.',
        position: 'concerns',
      },
      {
        on: '2026-03-09',
        by: LIAISON_IPO,
        body: 'De provincies steunen een bredere visie met de provincie als middenbestuur.',
        position: 'supports',
      },
    ],
  },
  {
    key: 'visie-regio-taakdifferentiatie',
    track: 1,
    parent: 'visie-regio',
    commitment: 'ai-visie-regio',
    title: 'Verkenning taakdifferentiatie tussen gemeenten',
    description:
      'Verkenning van de mogelijkheid taken alleen te beleggen bij gemeenten die ze goed kunnen uitvoeren.',
    owner: 'BZK',
    partners: { VNG: 'contributor' },
    startDate: '2026-03-01',
    deadline: '2026-09-30',
    tags: ['regio', 'taakdifferentiatie'],
    updates: [
      {
        on: '2026-04-07',
        status: 'in_progress',
        health: 'on_track',
        percent: 20,
        narrative: 'Onderzoeksbureau gestart; tien gemeenten geïnterviewd.',
      },
      {
        on: '2026-09-24',
        status: 'met',
        narrative: 'Verkenning opgeleverd; drie varianten gaan mee in de visie.',
      },
    ],
  },
  {
    key: 'regio-indelingen',
    track: 1,
    commitment: 'ai-visie-regio',
    title: 'Inventarisatie van de regio-indelingen per departement',
    description: 'Overzicht van alle rijksregio-indelingen als basis voor meer congruentie.',
    owner: 'BZK',
    ownerUser: EDITOR_BZK,
    startDate: '2025-03-01',
    deadline: '2025-10-31',
    tags: ['regio', 'congruentie'],
    verification: 'verified',
    updates: [
      {
        on: '2025-05-20',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative: 'Zeven departementen hebben hun indelingen aangeleverd.',
      },
      {
        on: '2025-10-16',
        status: 'met',
        narrative:
          'Inventarisatie gereed: 38 verschillende indelingen, waarvan 11 wettelijk voorgeschreven.',
      },
    ],
  },
  {
    key: 'jeugd-regio-toets',
    track: 1,
    commitment: 'udo-jeugd-regio',
    title:
      'Verplichte regionale samenwerking jeugdzorg toetsen aan het uitgangspunt van vrijwilligheid',
    description:
      'Afweging van alternatieven en motivering in de memorie van toelichting, met VWS en de VNG.',
    owner: 'BZK',
    partners: { VWS: 'co_owner', VNG: 'contributor', JENV: 'informed' },
    startDate: '2024-01-15',
    deadline: '2024-09-30',
    tags: ['jeugd', 'regionale-samenwerking', 'udo'],
    verification: 'partner_reviewed',
    updates: [
      {
        on: '2024-03-05',
        status: 'in_progress',
        health: 'on_track',
        percent: 50,
        narrative: 'Alternatieven (taakdifferentiatie, landelijke inkoop) uitgewerkt.',
      },
      {
        on: '2024-09-12',
        status: 'met',
        narrative: 'Afweging opgenomen in de nota naar aanleiding van het verslag.',
      },
    ],
    comments: [
      {
        on: '2024-09-20',
        by: LIAISON_VNG,
        body: 'Bevestigd. De VNG blijft kritisch over het voorschrijven van de regio-indeling.',
        position: 'concerns',
      },
    ],
  },
  {
    key: 'vth-afweging',
    track: 1,
    commitment: 'udo-vth',
    title: 'Afweging: passen VTH-taken nog bij verlengd lokaal bestuur?',
    description: 'Afweging bij de opvolging van de aanbevelingen van de commissie Van Aartsen.',
    owner: 'IENW',
    partners: { BZK: 'co_owner', IPO: 'contributor', VNG: 'contributor' },
    startDate: '2024-09-01',
    deadline: '2026-06-30',
    tags: ['vth', 'omgevingsdiensten', 'udo'],
    escalation: 'official',
    updates: [
      {
        on: '2025-01-21',
        status: 'in_progress',
        health: 'on_track',
        percent: 30,
        narrative:
          'Scenario’s uitgewerkt: versterkt verlengd lokaal bestuur, zelfstandige omgevingsdiensten.',
      },
      {
        on: '2026-05-19',
        health: 'off_track',
        percent: 50,
        narrative: 'Geen gedeelde voorkeur; het besluit schuift door naar de ministerraad.',
        reason:
          'IPO en VNG wijzen opschaling van omgevingsdiensten buiten verlengd lokaal bestuur af.',
      },
    ],
    comments: [
      {
        on: '2026-05-27',
        by: LIAISON_IPO,
        body: 'Zelfstandige omgevingsdiensten ondergraven de sturing door Provinciale Staten. Wij kunnen daar niet mee instemmen.',
        position: 'objects',
      },
    ],
  },
];
