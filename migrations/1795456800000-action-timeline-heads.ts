import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The newest of each action's timeline, kept beside it: when it was last updated and last
 * closed, its latest narrative, and the latest position of each partner. A report of 100,000
 * actions reads these in one join instead of looking through 500,000 progress updates; the
 * summary's "completed" and "updated lately" read them too.
 *
 * Progress updates and comments are append-only, so statement triggers fold what an INSERT
 * adds into the row with GREATEST-style merges: the order in which concurrent transactions
 * commit does not matter, and a bulk insert costs one upsert per action. `latest_at` is the
 * newest entry folded in; a report of a moment before it reads the timeline itself.
 */
export class ActionTimelineHeads1795456800000 implements MigrationInterface {
  name = 'ActionTimelineHeads1795456800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "action_timeline_heads" (
        "action_id" uuid NOT NULL,
        "latest_at" timestamptz NOT NULL,
        "last_update_at" timestamptz,
        "last_closing_at" timestamptz,
        "narrative" text,
        "narrative_at" timestamptz,
        "narrative_id" uuid,
        -- {organisation id: {"position", "statedAt" (UTC, microseconds), "id"}}
        "positions" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "pk_action_timeline_heads" PRIMARY KEY ("action_id"),
        CONSTRAINT "fk_action_timeline_heads_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_action_timeline_heads_positions" CHECK (jsonb_typeof("positions") = 'object')
      )`);

    // Progress updates: the newest (entry time, id) wins, as the timeline's order has it.
    await queryRunner.query(`
      CREATE FUNCTION "timeline_heads_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "action_timeline_heads" AS h
               ("action_id", "latest_at", "last_update_at", "last_closing_at",
                "narrative", "narrative_at", "narrative_id")
        SELECT g.action_id, g.latest_at, g.last_update_at, g.last_closing_at,
               n.narrative, n.created_at, n.id
          FROM (SELECT action_id, max(created_at) AS latest_at,
                       max(created_at) FILTER (WHERE kind = 'progress') AS last_update_at,
                       max(created_at) FILTER (WHERE status IN ('met', 'partially_met', 'lapsed'))
                         AS last_closing_at
                  FROM inserted GROUP BY action_id) g
          LEFT JOIN (SELECT DISTINCT ON (action_id) action_id, narrative, created_at, id
                       FROM inserted
                      WHERE kind = 'progress' AND narrative IS NOT NULL
                      ORDER BY action_id, created_at DESC, id DESC) n USING (action_id)
         ORDER BY g.action_id
        ON CONFLICT ("action_id") DO UPDATE SET
          "latest_at" = greatest(h.latest_at, excluded.latest_at),
          "last_update_at" = greatest(h.last_update_at, excluded.last_update_at),
          "last_closing_at" = greatest(h.last_closing_at, excluded.last_closing_at),
          ("narrative", "narrative_at", "narrative_id") =
            (SELECT CASE WHEN newer THEN excluded.narrative ELSE h.narrative END,
                    CASE WHEN newer THEN excluded.narrative_at ELSE h.narrative_at END,
                    CASE WHEN newer THEN excluded.narrative_id ELSE h.narrative_id END
               FROM (SELECT excluded.narrative_at IS NOT NULL
                        AND (h.narrative_at IS NULL
                             OR (excluded.narrative_at, excluded.narrative_id)
                                > (h.narrative_at, h.narrative_id)) AS newer) c);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_progress_updates_timeline_heads" AFTER INSERT ON "progress_updates"
      REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION "timeline_heads_progress"()`);

    // Comments with a position: per organisation, the newest (time, id) wins.
    await queryRunner.query(`
      CREATE FUNCTION "timeline_heads_positions"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "action_timeline_heads" AS h ("action_id", "latest_at", "positions")
        SELECT action_id, max(created_at),
               jsonb_object_agg(author_organisation_id,
                 jsonb_build_object('position', position, 'statedAt',
                   to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'id', id))
          FROM (SELECT DISTINCT ON (action_id, author_organisation_id)
                       action_id, author_organisation_id, position, created_at, id
                  FROM inserted
                 WHERE position IS NOT NULL
                 ORDER BY action_id, author_organisation_id, created_at DESC, id DESC) latest
         GROUP BY action_id
         ORDER BY action_id
        ON CONFLICT ("action_id") DO UPDATE SET
          "latest_at" = greatest(h.latest_at, excluded.latest_at),
          "positions" = (
            SELECT jsonb_object_agg(coalesce(o.key, n.key),
                     CASE WHEN o.value IS NULL
                            OR ((n.value ->> 'statedAt')::timestamptz, (n.value ->> 'id')::uuid)
                               > ((o.value ->> 'statedAt')::timestamptz, (o.value ->> 'id')::uuid)
                          THEN n.value ELSE o.value END)
              FROM jsonb_each(h.positions) o
              FULL JOIN jsonb_each(excluded.positions) n ON n.key = o.key);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_comments_timeline_heads" AFTER INSERT ON "comments"
      REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION "timeline_heads_positions"()`);

    // What is there already, folded the same way.
    await queryRunner.query(`
      INSERT INTO "action_timeline_heads"
             ("action_id", "latest_at", "last_update_at", "last_closing_at",
              "narrative", "narrative_at", "narrative_id", "positions")
      SELECT a.id, greatest(u.latest_at, p.latest_at), u.last_update_at, u.last_closing_at,
             n.narrative, n.created_at, n.id, coalesce(p.positions, '{}')
        FROM actions a
        LEFT JOIN (SELECT action_id, max(created_at) AS latest_at,
                          max(created_at) FILTER (WHERE kind = 'progress') AS last_update_at,
                          max(created_at) FILTER (WHERE status IN ('met', 'partially_met', 'lapsed'))
                            AS last_closing_at
                     FROM progress_updates GROUP BY action_id) u ON u.action_id = a.id
        LEFT JOIN (SELECT DISTINCT ON (action_id) action_id, narrative, created_at, id
                     FROM progress_updates
                    WHERE kind = 'progress' AND narrative IS NOT NULL
                    ORDER BY action_id, created_at DESC, id DESC) n ON n.action_id = a.id
        LEFT JOIN (SELECT action_id, max(created_at) AS latest_at,
                          jsonb_object_agg(author_organisation_id,
                            jsonb_build_object('position', position, 'statedAt',
                              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'id', id))
                            AS positions
                     FROM (SELECT DISTINCT ON (action_id, author_organisation_id)
                                  action_id, author_organisation_id, position, created_at, id
                             FROM comments
                            WHERE position IS NOT NULL
                            ORDER BY action_id, author_organisation_id, created_at DESC, id DESC) x
                    GROUP BY action_id) p ON p.action_id = a.id
       WHERE u.action_id IS NOT NULL OR p.action_id IS NOT NULL`);

    // "Updated lately" reads the heads now.
    await queryRunner.query(`DROP INDEX "ix_progress_updates_recent"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_progress_updates_recent" ON "progress_updates" ("created_at", "action_id") WHERE "kind" = 'progress'`,
    );
    await queryRunner.query(`DROP TRIGGER "trg_comments_timeline_heads" ON "comments"`);
    await queryRunner.query(
      `DROP TRIGGER "trg_progress_updates_timeline_heads" ON "progress_updates"`,
    );
    await queryRunner.query(`DROP FUNCTION "timeline_heads_positions"()`);
    await queryRunner.query(`DROP FUNCTION "timeline_heads_progress"()`);
    await queryRunner.query(`DROP TABLE "action_timeline_heads"`);
  }
}
