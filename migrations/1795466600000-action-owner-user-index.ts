import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "My actions" (`GET /v1/actions?ownerUser=me`) reads the few actions one person owns among
 * a programme's many; partial, since most actions name no owner user.
 */
export class ActionOwnerUserIndex1795466600000 implements MigrationInterface {
  name = 'ActionOwnerUserIndex1795466600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_actions_owner_user" ON "actions" ("owner_user_id") WHERE "owner_user_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_actions_owner_user"`);
  }
}
