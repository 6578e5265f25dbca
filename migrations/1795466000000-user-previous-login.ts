import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's sign-in before the latest (`GET /v1/me` `previousLoginAt`): the web app lists
 * what changed since then. Each log-in moves `last_login_at` here first.
 */
export class UserPreviousLogin1795466000000 implements MigrationInterface {
  name = 'UserPreviousLogin1795466000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nullable without a default: PostgreSQL adds it in the catalogue, no table rewrite.
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "previous_login_at" timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "previous_login_at"`);
  }
}
