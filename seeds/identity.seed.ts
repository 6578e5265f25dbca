import { devIdentityProvidersSeed } from './dev-identity-providers.seed';
import type { EntityManager } from 'typeorm';
import { AuditService, SYSTEM_ACTOR } from '@app/audit';
import { Clock, Transactions } from '@app/core';
import { Passwords, type OrganisationKind } from '@app/identity';
import { DEMO_USERS, type DemoUser } from './demo-users';
import { ACTIEAGENDA_ORGANISATIONS } from './actieagenda/organisations';
import type { Seed } from './index';

/** The core organisations: the four layers' representatives, two ministries, the ROB. */
const CORE_ORGANISATIONS: readonly { code: string; name: string; kind: OrganisationKind }[] = [
  {
    code: 'BZK',
    name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    kind: 'ministry',
  },
  { code: 'VNG', name: 'Vereniging van Nederlandse Gemeenten', kind: 'association' },
  { code: 'IPO', name: 'Interprovinciaal Overleg', kind: 'association' },
  { code: 'UVW', name: 'Unie van Waterschappen', kind: 'association' },
  { code: 'FIN', name: 'Ministerie van Financiën', kind: 'ministry' },
  { code: 'VWS', name: 'Ministerie van Volksgezondheid, Welzijn en Sport', kind: 'ministry' },
  { code: 'ROB', name: 'Raad voor het Openbaar Bestuur', kind: 'advisory_council' },
];

/**
 * The organisations that take part in the Actieagenda Sterk Bestuur (source documents): the
 * core ones, the other ministries, the twelve provinces and the bodies the documents name.
 */
export const ORGANISATIONS: readonly { code: string; name: string; kind: OrganisationKind }[] = [
  ...CORE_ORGANISATIONS,
  ...ACTIEAGENDA_ORGANISATIONS,
];

/**
 * The agenda as the Minister of BZK described it to the Eerste Kamer on 12 June 2024
 * (Kamerstukken I 2023-2024, 29 362, M): its four lines of work are the tracks, in the
 * letter's order. No start or end date: the letter gives neither.
 */
export const ACTIEAGENDA = {
  slug: 'actieagenda-sterk-bestuur',
  name: 'Actieagenda Sterk Bestuur',
  description:
    'De actieagenda focust op het samenspel tussen overheden. Alleen een sterk bestuur, waarin ' +
    'gemeenten, provincies, waterschappen en Rijk goed op elkaar zijn ingespeeld, kan invulling ' +
    'geven aan maatschappelijke opgaven. Daartoe zet de actieagenda in op vier zaken: het ' +
    'investeren in de onderlinge samenwerking tussen het Rijk en medeoverheden, een passende ' +
    'verdeling van taken en bevoegdheden tussen overheden, een goede balans tussen bestuurlijke ' +
    'en financiële verantwoordelijkheden op taken die bij decentrale overheden zijn belegd (het ' +
    'bestuurlijk-financieel arrangement) en een versterking van de positie van decentrale ' +
    'volksvertegenwoordigingen en besturen. De actieagenda is opgesteld in nauw overleg met (de ' +
    'koepels van) de medeoverheden.',
  tracks: [
    {
      name: 'Investeren in de onderlinge samenwerking tussen het Rijk en medeoverheden',
      description:
        'Interbestuurlijk samenwerken met de maatschappelijke opgaven als vertrekpunt: het ' +
        'jaarlijkse Overhedenoverleg van de koepels met een kabinetsdelegatie, het Bestuurlijk ' +
        'Overleg Financiële Verhoudingen (BOFv), het Platform Sociaal Domein en het Platform PLeK.',
    },
    {
      name: 'Een passende verdeling van taken en bevoegdheden tussen overheden',
      description:
        'Het beleidskader decentraal bestuur als instrument voor een passende verdeling van taken ' +
        'en bevoegdheden, en een kader voor regionale samenwerking (Wet gemeenschappelijke regelingen).',
    },
    {
      name: 'Een goede balans tussen bestuurlijke en financiële verantwoordelijkheden (het bestuurlijk-financieel arrangement)',
      description:
        'Op taken die bij decentrale overheden zijn belegd: de Uitvoerbaarheidstoets Decentrale ' +
        'Overheden (UDO) en de afspraken in het BOFv, zoals de beheersbaarheid van de uitgaven ' +
        'voor de Wmo 2015 en het schrappen van de oploop van de opschalingskorting vanaf 2026.',
    },
    {
      name: 'Een versterking van de positie van decentrale volksvertegenwoordigingen en besturen',
      description:
        'Een sterke positie en goede ondersteuning van decentrale volksvertegenwoordigingen en ' +
        'besturen, zoals het afwegingskader bevoegdheden burgemeesters en het onderzoek naar het ' +
        'wenselijke aantal decentrale volksvertegenwoordigers.',
    },
  ],
} as const;

/** Adds the organisations that are missing; existing ones are left as they are. */
export const organisationsSeed: Seed = {
  name: 'organisations',
  async run(dataSource) {
    await dataSource.query(
      `INSERT INTO organisations (code, name, kind)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
       ON CONFLICT (code) DO NOTHING`,
      [
        ORGANISATIONS.map((organisation) => organisation.code),
        ORGANISATIONS.map((organisation) => organisation.name),
        ORGANISATIONS.map((organisation) => organisation.kind),
      ],
    );
  },
};

/**
 * Creates the Actieagenda with its tracks when there is no programme with its slug. Once it
 * exists its coordinators own it: later runs leave renamed or removed tracks alone.
 */
export const actieagendaSeed: Seed = {
  name: 'programme actieagenda-sterk-bestuur',
  async run(dataSource) {
    await dataSource.transaction(async (manager) => {
      const created: { id: string }[] = await manager.query(
        `INSERT INTO programmes (name, slug, description, status) VALUES ($1, $2, $3, 'active')
         ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [ACTIEAGENDA.name, ACTIEAGENDA.slug, ACTIEAGENDA.description],
      );
      if (created.length === 0) return;
      await manager.query(
        `INSERT INTO tracks (programme_id, name, description, position)
         SELECT $1, t.name, t.description, t.ordinality - 1
           FROM unnest($2::varchar[], $3::text[]) WITH ORDINALITY AS t(name, description, ordinality)`,
        [
          created[0].id,
          ACTIEAGENDA.tracks.map((track) => track.name),
          ACTIEAGENDA.tracks.map((track) => track.description),
        ],
      );
    });
  },
};

/**
 * Adds the demo users that are missing (by e-mail), each with their membership of the
 * Actieagenda. A demo user that exists is left alone: password, role and membership.
 */
export const demoUsersSeed: Seed = {
  name: 'demo users',
  async run(dataSource, config) {
    if (!config.demoUsers) return;
    const existing: { email: string }[] = await dataSource.query(
      'SELECT email FROM users WHERE email = ANY($1)',
      [DEMO_USERS.map((user) => user.email)],
    );
    const known = new Set(existing.map((row) => row.email));
    const missing = DEMO_USERS.filter((user) => !known.has(user.email));
    if (missing.length === 0) return;
    // argon2id takes a while: hash only for the users about to be created.
    const passwords = new Passwords();
    const hashes = await Promise.all(missing.map((user) => passwords.hash(user.password)));
    await dataSource.transaction(async (manager) => {
      const [programme]: { id: string }[] = await manager.query(
        'SELECT id FROM programmes WHERE slug = $1',
        [ACTIEAGENDA.slug],
      );
      for (const [index, user] of missing.entries()) {
        const userId = await insertUser(manager, user, hashes[index]);
        if (userId && programme && user.role !== 'platform_admin') {
          await manager.query(
            `INSERT INTO memberships (programme_id, user_id, role) VALUES ($1, $2, $3)
             ON CONFLICT (programme_id, user_id) DO NOTHING`,
            [programme.id, userId, user.role],
          );
        }
      }
    });
  },
};

/**
 * The platform administrator named by BOOTSTRAP_ADMIN_EMAIL/PASSWORD, in BZK, created when
 * no user has that e-mail. An existing account is never changed: its password may have been
 * changed since, and the environment must not be a way to take an account over.
 */
export const bootstrapAdminSeed: Seed = {
  name: 'bootstrap administrator',
  async run(dataSource, config) {
    const admin = config.bootstrapAdmin;
    if (!admin) return;
    const email = admin.email.toLowerCase();
    const existing: unknown[] = await dataSource.query('SELECT 1 FROM users WHERE email = $1', [
      email,
    ]);
    if (existing.length > 0) return;
    const hash = await new Passwords().hash(admin.password);
    const created = await dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; organisation_id: string }[]>(
        `INSERT INTO users (email, display_name, organisation_id, password_hash, is_platform_admin)
         SELECT $1, 'Platformbeheerder', o.id, $2, true FROM organisations o WHERE o.code = 'BZK'
         ON CONFLICT (email) DO NOTHING RETURNING id, organisation_id`,
        [email, hash],
      );
      // An administrator made from the environment is the most sensitive account change.
      if (rows.length > 0) {
        await new AuditService(new Transactions(dataSource), new Clock()).record(manager, {
          operation: 'create',
          entityType: 'user',
          entityId: rows[0].id,
          actor: SYSTEM_ACTOR,
          changes: {
            email: { new: email },
            organisationId: { new: rows[0].organisation_id },
            isPlatformAdmin: { new: true },
          },
          details: { via: 'bootstrap' },
        });
      }
      return rows;
    });
    if (created.length > 0) return;
    // Nothing inserted: someone else created the account meanwhile, or BZK is missing.
    const [now]: unknown[] = await dataSource.query('SELECT 1 FROM users WHERE email = $1', [
      email,
    ]);
    if (!now)
      throw new Error('cannot create the bootstrap administrator: organisation BZK is missing');
  },
};

async function insertUser(
  manager: EntityManager,
  user: DemoUser,
  passwordHash: string,
): Promise<string | undefined> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO users (email, display_name, organisation_id, password_hash, is_platform_admin)
     SELECT $1, $2, o.id, $3, $4 FROM organisations o WHERE o.code = $5
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [
      user.email,
      user.displayName,
      passwordHash,
      user.role === 'platform_admin',
      user.organisationCode,
    ],
  );
  return rows[0]?.id;
}

/** The seeds of identity, in the order they depend on each other. */
export const identitySeeds: readonly Seed[] = [
  organisationsSeed,
  actieagendaSeed,
  demoUsersSeed,
  bootstrapAdminSeed,
  devIdentityProvidersSeed,
];
