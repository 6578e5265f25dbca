import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing in through an organisation's OpenID Connect provider (issue 20):
 * - `user_identities`: the account at a provider (issuer, subject) a user is linked to; found
 *   by that pair at every later sign-in, whatever the e-mail address then says.
 * - `oidc_login_states`: one per started sign-in, for its callback: the hash of `state` (the
 *   browser keeps the value in a cookie), the PKCE verifier and the nonce. Single use
 *   (`used_at`), short-lived; a used one is kept a day so that a replay is recognised.
 * - `refresh_tokens.identity_provider_id`: the provider a session was signed in through, for
 *   signing out there too (RP-initiated logout).
 */
export class CreateOidcSignIn1795481400000 implements MigrationInterface {
  name = 'CreateOidcSignIn1795481400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "user_identities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "issuer" text NOT NULL,
        "subject" varchar(255) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_sign_in_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_user_identities" PRIMARY KEY ("id"),
        CONSTRAINT "uq_user_identities_subject" UNIQUE ("issuer", "subject"),
        CONSTRAINT "uq_user_identities_user_issuer" UNIQUE ("user_id", "issuer"),
        CONSTRAINT "fk_user_identities_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_user_identities_issuer" CHECK (char_length("issuer") BETWEEN 1 AND 500),
        CONSTRAINT "ck_user_identities_subject" CHECK (char_length("subject") >= 1)
      )`);
    await queryRunner.query(`
      CREATE TABLE "oidc_login_states" (
        "state_hash" char(64) NOT NULL,
        "identity_provider_id" uuid NOT NULL,
        "code_verifier" varchar(128) NOT NULL,
        "nonce" varchar(128) NOT NULL,
        "return_to" varchar(2000) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "pk_oidc_login_states" PRIMARY KEY ("state_hash"),
        CONSTRAINT "fk_oidc_login_states_provider" FOREIGN KEY ("identity_provider_id") REFERENCES "identity_providers" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_oidc_login_states_expires" ON "oidc_login_states" ("expires_at")`,
    );
    await queryRunner.query(`
      ALTER TABLE "refresh_tokens"
        ADD COLUMN "identity_provider_id" uuid,
        ADD CONSTRAINT "fk_refresh_tokens_identity_provider" FOREIGN KEY ("identity_provider_id") REFERENCES "identity_providers" ("id") ON DELETE SET NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "identity_provider_id"`);
    await queryRunner.query(`DROP TABLE "oidc_login_states"`);
    await queryRunner.query(`DROP TABLE "user_identities"`);
  }
}
