import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Writers take the next links of the audit chain inside the database, in the statement that
 * inserts their events: `audit_chain_advance` locks the head, hashes each event and moves
 * the head, so no round trip to the application happens while the lock is held (it was two
 * round trips before). The hash is unchanged: SHA-256 over the event's canonical JSON, which
 * the application sends as the text before the previous hash, between it and the sequence
 * number, and after it (`serialiseEventParts`); existing chains verify as before.
 *
 * STRICT: called with a NULL (a statement whose change did not happen), it locks nothing
 * and answers no rows.
 */
export class AuditChainAdvance1795431600000 implements MigrationInterface {
  name = 'AuditChainAdvance1795431600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "audit_chain_advance"(heads text[], middles text[], tails text[])
      RETURNS TABLE (event_index integer, event_sequence bigint, event_prev_hash text,
                     event_hash text)
      LANGUAGE plpgsql STRICT VOLATILE AS $$
      DECLARE
        next_sequence bigint;
        previous text;
        events integer := coalesce(array_length(heads, 1), 0);
      BEGIN
        IF coalesce(array_length(middles, 1), 0) <> events
           OR coalesce(array_length(tails, 1), 0) <> events THEN
          RAISE EXCEPTION 'audit_chain_advance: % heads, % middles, % tails', events,
            coalesce(array_length(middles, 1), 0), coalesce(array_length(tails, 1), 0);
        END IF;
        IF events = 0 THEN
          RETURN;
        END IF;
        SELECT c."sequence", c."hash" INTO next_sequence, previous
          FROM "audit_chain_head" c WHERE c."id" FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'the audit chain head is missing';
        END IF;
        FOR i IN 1 .. events LOOP
          next_sequence := next_sequence + 1;
          event_index := i;
          event_sequence := next_sequence;
          event_prev_hash := previous;
          previous := encode(sha256(convert_to(
            heads[i] || previous || middles[i] || next_sequence::text || tails[i], 'UTF8')), 'hex');
          event_hash := previous;
          RETURN NEXT;
        END LOOP;
        UPDATE "audit_chain_head" c SET "sequence" = next_sequence, "hash" = previous
          WHERE c."id";
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "audit_chain_advance"(text[], text[], text[])`);
  }
}
