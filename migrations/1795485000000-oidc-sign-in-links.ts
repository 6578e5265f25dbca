import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing in through a provider, second part (issue 20, after review):
 * - `oidc_login_states.link_user_id`: a sign-in started by a signed-in person to link their
 *   own account to their organisation's provider (the way platform administrators link: they
 *   are never linked by e-mail address).
 * - `oidc_login_states.identity_provider_id` is set to null, not deleted, with its provider:
 *   a sign-in whose provider was deleted meanwhile is told so, not taken for a forged one.
 * - An index for `refresh_tokens.identity_provider_id`: ending or finding a provider's
 *   sessions, and deleting a provider, need not read every refresh token.
 */
export class OidcSignInLinks1795485000000 implements MigrationInterface {
  name = 'OidcSignInLinks1795485000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "oidc_login_states"
        ADD COLUMN "link_user_id" uuid,
        ADD CONSTRAINT "fk_oidc_login_states_link_user" FOREIGN KEY ("link_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        ALTER COLUMN "identity_provider_id" DROP NOT NULL,
        DROP CONSTRAINT "fk_oidc_login_states_provider",
        ADD CONSTRAINT "fk_oidc_login_states_provider" FOREIGN KEY ("identity_provider_id") REFERENCES "identity_providers" ("id") ON DELETE SET NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_identity_provider" ON "refresh_tokens" ("identity_provider_id") WHERE "identity_provider_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_refresh_tokens_identity_provider"`);
    await queryRunner.query(`DELETE FROM "oidc_login_states" WHERE "identity_provider_id" IS NULL`);
    await queryRunner.query(`
      ALTER TABLE "oidc_login_states"
        DROP CONSTRAINT "fk_oidc_login_states_provider",
        ADD CONSTRAINT "fk_oidc_login_states_provider" FOREIGN KEY ("identity_provider_id") REFERENCES "identity_providers" ("id") ON DELETE CASCADE,
        ALTER COLUMN "identity_provider_id" SET NOT NULL,
        DROP COLUMN "link_user_id"`);
  }
}
