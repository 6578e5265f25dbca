import type { EntityManager } from 'typeorm';
import { commitmentId, seedId } from './ids';
import { insertRows } from './insert-rows';
import type { CommitmentSeed } from './types';

async function organisationIds(
  manager: EntityManager,
  codes: string[],
): Promise<Map<string, string>> {
  const rows = await manager.query<{ id: string; code: string }[]>(
    'SELECT id, code FROM organisations WHERE code = ANY($1)',
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** The attributes as the API stores them: without the kind, the lead ministry by id. */
export function storedAttributes(
  commitment: CommitmentSeed,
  organisations: Map<string, string>,
): Record<string, unknown> {
  const attributes = Object.fromEntries(
    Object.entries(commitment.attributes).filter(([name]) => name !== 'kind'),
  );
  if (commitment.attributes.kind === 'udo_trajectory') {
    const { leadMinistry } = commitment.attributes;
    delete attributes.leadMinistry;
    const leadMinistryId = leadMinistry && organisations.get(leadMinistry);
    if (leadMinistryId) attributes.leadMinistryId = leadMinistryId;
  }
  return attributes;
}

/** Inserts the commitments that are missing, each with its parties, references and lineage. */
export async function insertCommitments(
  manager: EntityManager,
  programmeId: string,
  commitments: readonly CommitmentSeed[],
): Promise<void> {
  const id = (key: string) => commitmentId(programmeId, key);
  const organisations = await organisationIds(
    manager,
    commitments.flatMap((c) =>
      c.attributes.kind === 'udo_trajectory' && c.attributes.leadMinistry
        ? [c.attributes.leadMinistry]
        : [],
    ),
  );
  const inserted = await insertRows(
    manager,
    `INSERT INTO commitments (id, programme_id, kind, title, description, date_agreed, attributes, created_at, updated_at)
     SELECT r.id, $2, r.kind, r.title, r.description, r.date_agreed, r.attributes, r.created_at, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, title text, description text,
            date_agreed date, attributes jsonb, created_at timestamptz)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    commitments.map((c) => {
      const recorded = c.dateAgreed ?? c.references.find((r) => r.date)?.date ?? '2024-06-12';
      return {
        id: id(c.key),
        kind: c.attributes.kind,
        title: c.title,
        description: c.description,
        date_agreed: c.dateAgreed ?? null,
        attributes: storedAttributes(c, organisations),
        created_at: `${recorded}T09:00:00Z`,
      };
    }),
    programmeId,
  );
  // Parts of a commitment come with it, once: later runs leave what people changed alone.
  const fresh = commitments.filter((c) => inserted.has(id(c.key)));
  await manager.query(
    `INSERT INTO commitment_parties (commitment_id, organisation_id)
     SELECT r.commitment_id, o.id FROM jsonb_to_recordset($1::jsonb) AS r(commitment_id uuid, code text)
       JOIN organisations o ON o.code = r.code
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        fresh.flatMap((c) => c.parties.map((code) => ({ commitment_id: id(c.key), code }))),
      ),
    ],
  );
  await manager.query(
    `INSERT INTO commitment_references (id, commitment_id, position, document, kamerstuk, date, url)
     SELECT r.id, r.commitment_id, r.position, r.document, r.kamerstuk, r.date, r.url
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, commitment_id uuid, position int,
            document text, kamerstuk text, date date, url text)
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        fresh.flatMap((c) =>
          c.references.map((reference, position) => ({
            id: seedId(programmeId, `commitment/${c.key}/reference/${position}`),
            commitment_id: id(c.key),
            position,
            document: reference.document,
            kamerstuk: reference.kamerstuk ?? null,
            date: reference.date ?? null,
            url: reference.url ?? null,
          })),
        ),
      ),
    ],
  );
  await manager.query(
    `INSERT INTO commitment_lineage (commitment_id, earlier_commitment_id, relation)
     SELECT r.commitment_id, r.earlier_id, r.relation
       FROM jsonb_to_recordset($1::jsonb) AS r(commitment_id uuid, earlier_id uuid, relation text)
      WHERE EXISTS (SELECT 1 FROM commitments c WHERE c.id = r.earlier_id)
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        fresh.flatMap((c) =>
          (c.lineage ?? []).map((link) => ({
            commitment_id: id(c.key),
            earlier_id: id(link.earlier),
            relation: link.relation,
          })),
        ),
      ),
    ],
  );
}
