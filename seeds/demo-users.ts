// DEMO CREDENTIALS, FOR LOCAL USE ONLY. These log-ins are published in the README and printed
// by `npm start`, so anyone can use them: never seed them into a database that holds real
// data or is reachable by others. Real administrators come from BOOTSTRAP_ADMIN_EMAIL/PASSWORD.
import type { ProgrammeRole } from '@app/identity';

export type DemoRole = ProgrammeRole | 'platform_admin';

export interface DemoUser {
  email: string;
  /** Known on purpose: a demo log-in. At least 12 characters, not a common password. */
  password: string;
  displayName: string;
  /** One of the seeded organisations (seeds/identity.seed.ts). */
  organisationCode: string;
  /** A role in the Actieagenda Sterk Bestuur programme, or platform administrator. */
  role: DemoRole;
  /** What the account is for, to show beside the log-in. */
  description: string;
}

/**
 * Demo users of the Actieagenda Sterk Bestuur (the admin is not a member): every programme role
 * in BZK, VNG, IPO and UvW, plus an editor in Financiën and a viewer in VWS. The first eight are
 * the original log-ins; keep their e-mails and passwords stable (README, `npm start`).
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@demo.sterk-bestuur.nl',
    password: 'Huis-van-Thorbecke-1848',
    displayName: 'Platformbeheerder (demo)',
    organisationCode: 'BZK',
    role: 'platform_admin',
    description: 'Platform administrator: organisations, users and programmes',
  },
  {
    email: 'coordinator@demo.sterk-bestuur.nl',
    password: 'Regie-op-de-Actieagenda-24',
    displayName: 'Coördinator BZK (demo)',
    organisationCode: 'BZK',
    role: 'coordinator',
    description: 'Coordinator of the Actieagenda: members, tracks, verification',
  },
  {
    email: 'editor.bzk@demo.sterk-bestuur.nl',
    password: 'Beleidskader-Decentraal-2024',
    displayName: 'Redacteur BZK (demo)',
    organisationCode: 'BZK',
    role: 'editor',
    description: 'Editor: updates the actions BZK owns',
  },
  {
    email: 'editor.fin@demo.sterk-bestuur.nl',
    password: 'Opschalingskorting-Geschrapt-2026',
    displayName: 'Redacteur Financiën (demo)',
    organisationCode: 'FIN',
    role: 'editor',
    description: 'Editor: updates the actions Financiën owns',
  },
  {
    email: 'liaison.vng@demo.sterk-bestuur.nl',
    password: 'Gemeentefonds-in-Balans-2024',
    displayName: 'Liaison VNG (demo)',
    organisationCode: 'VNG',
    role: 'liaison',
    description: 'Liaison of the municipalities: reviews, comments, positions',
  },
  {
    email: 'liaison.ipo@demo.sterk-bestuur.nl',
    password: 'Twaalf-Provincies-aan-Tafel',
    displayName: 'Liaison IPO (demo)',
    organisationCode: 'IPO',
    role: 'liaison',
    description: 'Liaison of the provinces: reviews, comments, positions',
  },
  {
    email: 'liaison.uvw@demo.sterk-bestuur.nl',
    password: 'Droge-Voeten-Waterschap-21',
    displayName: 'Liaison UvW (demo)',
    organisationCode: 'UVW',
    role: 'liaison',
    description: 'Liaison of the water boards: reviews, comments, positions',
  },
  {
    email: 'viewer@demo.sterk-bestuur.nl',
    password: 'Hervormingsagenda-Jeugd-2023',
    displayName: 'Meelezer VWS (demo)',
    organisationCode: 'VWS',
    role: 'viewer',
    description: 'Viewer: reads everything, pulls reports',
  },
  {
    email: 'liaison.bzk@demo.sterk-bestuur.nl',
    password: 'Interbestuurlijk-Samenspel-2023',
    displayName: 'Liaison BZK (demo)',
    organisationCode: 'BZK',
    role: 'liaison',
    description: 'Liaison of BZK: reviews actions others own, comments, positions',
  },
  {
    email: 'viewer.bzk@demo.sterk-bestuur.nl',
    password: 'Staat-van-het-Bestuur-2020',
    displayName: 'Meelezer BZK (demo)',
    organisationCode: 'BZK',
    role: 'viewer',
    description: 'Viewer in BZK: reads everything, pulls reports',
  },
  {
    email: 'coordinator.vng@demo.sterk-bestuur.nl',
    password: 'Gemeenten-Aan-Zet-Met-Lef-342',
    displayName: 'Coördinator VNG (demo)',
    organisationCode: 'VNG',
    role: 'coordinator',
    description: 'Co-coordinator for the municipalities: members, tracks, verification',
  },
  {
    email: 'editor.vng@demo.sterk-bestuur.nl',
    password: 'Wmo-Beheersbaar-Houden-2025',
    displayName: 'Redacteur VNG (demo)',
    organisationCode: 'VNG',
    role: 'editor',
    description: 'Editor: updates the actions VNG owns',
  },
  {
    email: 'viewer.vng@demo.sterk-bestuur.nl',
    password: 'Democratie-in-Actie-260-Raden',
    displayName: 'Meelezer VNG (demo)',
    organisationCode: 'VNG',
    role: 'viewer',
    description: 'Viewer in VNG: reads everything, pulls reports',
  },
  {
    email: 'coordinator.ipo@demo.sterk-bestuur.nl',
    password: 'Middenbestuur-met-Regie-NOVEX',
    displayName: 'Coördinator IPO (demo)',
    organisationCode: 'IPO',
    role: 'coordinator',
    description: 'Co-coordinator for the provinces: members, tracks, verification',
  },
  {
    email: 'editor.ipo@demo.sterk-bestuur.nl',
    password: 'Ruimtelijke-Puzzel-Provincie-16',
    displayName: 'Redacteur IPO (demo)',
    organisationCode: 'IPO',
    role: 'editor',
    description: 'Editor: updates the actions IPO owns',
  },
  {
    email: 'viewer.ipo@demo.sterk-bestuur.nl',
    password: 'Gebiedsprogramma-Landelijk-2030',
    displayName: 'Meelezer IPO (demo)',
    organisationCode: 'IPO',
    role: 'viewer',
    description: 'Viewer in IPO: reads everything, pulls reports',
  },
  {
    email: 'coordinator.uvw@demo.sterk-bestuur.nl',
    password: 'Dijkgraaf-aan-Tafel-Overheden',
    displayName: 'Coördinator UvW (demo)',
    organisationCode: 'UVW',
    role: 'coordinator',
    description: 'Co-coordinator for the water boards: members, tracks, verification',
  },
  {
    email: 'editor.uvw@demo.sterk-bestuur.nl',
    password: 'Waterschapsbelasting-Eerlijk-21',
    displayName: 'Redacteur UvW (demo)',
    organisationCode: 'UVW',
    role: 'editor',
    description: 'Editor: updates the actions UvW owns',
  },
  {
    email: 'viewer.uvw@demo.sterk-bestuur.nl',
    password: 'Peilbeheer-en-Polderwijsheid-7',
    displayName: 'Meelezer UvW (demo)',
    organisationCode: 'UVW',
    role: 'viewer',
    description: 'Viewer in UvW: reads everything, pulls reports',
  },
];
