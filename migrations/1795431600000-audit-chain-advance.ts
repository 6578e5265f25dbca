import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Writers take the next links of the audit chain inside the database, in the statement that
 * inserts their events: `audit_chain_advance` locks the head, fixes the time, hashes each
 * event and moves the head, so no round trip to the application happens while the lock is
 * held (it was two round trips before). The time is the application's (`at`, its Clock),
 * but never before the previous event's, so times follow sequence numbers even for a
 * writer that waited on the lock. The
 * hash is unchanged: SHA-256 over the event's canonical JSON, which the application sends as
 * the text around the three values filled in here (`serialiseEventParts`: before the time,
 * before the previous hash, before the sequence number, and the rest); existing chains
 * verify as before. The time is written as the verifier reads it back (UTC, milliseconds).
 *
 * STRICT: called with a NULL (a statement whose change did not happen), it locks nothing
 * and answers no rows.
 */
export class AuditChainAdvance1795431600000 implements MigrationInterface {
  name = 'AuditChainAdvance1795431600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "audit_chain_advance"(
        before_time text[], before_previous text[], before_sequence text[], rest text[],
        "at" timestamptz)
      RETURNS TABLE (event_index integer, event_sequence bigint, event_occurred_at timestamptz,
                     event_prev_hash text, event_hash text)
      LANGUAGE plpgsql STRICT VOLATILE AS $$
      DECLARE
        events integer := coalesce(array_length(before_time, 1), 0);
        next_sequence bigint;
        previous text;
        occurred timestamptz;
        occurred_text text;
      BEGIN
        IF coalesce(array_length(before_previous, 1), 0) <> events
           OR coalesce(array_length(before_sequence, 1), 0) <> events
           OR coalesce(array_length(rest, 1), 0) <> events THEN
          RAISE EXCEPTION 'audit_chain_advance: the four part arrays differ in length';
        END IF;
        IF events = 0 THEN
          RETURN;
        END IF;
        SELECT c."sequence", c."hash" INTO next_sequence, previous
          FROM "audit_chain_head" c WHERE c."id" FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'the audit chain head is missing';
        END IF;
        SELECT greatest(date_trunc('milliseconds', "at"), max(e."occurred_at")) INTO occurred
          FROM "audit_events" e WHERE e."sequence" = next_sequence;
        occurred_text := to_char(occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        FOR i IN 1 .. events LOOP
          next_sequence := next_sequence + 1;
          event_index := i;
          event_sequence := next_sequence;
          event_occurred_at := occurred;
          event_prev_hash := previous;
          previous := encode(sha256(convert_to(
            before_time[i] || occurred_text || before_previous[i] || previous
              || before_sequence[i] || next_sequence::text || rest[i], 'UTF8')), 'hex');
          event_hash := previous;
          RETURN NEXT;
        END LOOP;
        UPDATE "audit_chain_head" c SET "sequence" = next_sequence, "hash" = previous
          WHERE c."id";
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION "audit_chain_advance"(text[], text[], text[], text[], timestamptz)`,
    );
  }
}
