import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity providers per organisation (issue 20): the OpenID Connect provider its people sign
 * in with, at most one per organisation. The client secret is stored encrypted
 * (AES-256-GCM under IDENTITY_PROVIDER_SECRET_KEY: 12-byte IV, 16-byte tag, ciphertext), never
 * in plain text. The runtime role needs nothing more than any table gets (RuntimeRolePrivileges).
 */
export class CreateIdentityProviders1795477800000 implements MigrationInterface {
  name = 'CreateIdentityProviders1795477800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity_providers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "display_name" varchar(200) NOT NULL,
        "issuer" text NOT NULL,
        "client_id" varchar(255) NOT NULL,
        "client_secret_encrypted" bytea NOT NULL,
        "scopes" text[] NOT NULL,
        "email_claim" varchar(200) NOT NULL DEFAULT 'email',
        "allowed_domains" text[] NOT NULL,
        "create_users" boolean NOT NULL DEFAULT false,
        "password_sign_in_disabled" boolean NOT NULL DEFAULT false,
        "enabled" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_identity_providers" PRIMARY KEY ("id"),
        CONSTRAINT "uq_identity_providers_organisation" UNIQUE ("organisation_id"),
        CONSTRAINT "fk_identity_providers_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_identity_providers_issuer" CHECK (char_length("issuer") BETWEEN 1 AND 500 AND "issuer" ~ '^https?://'),
        -- At least the IV and the tag (28 bytes) and one byte of ciphertext.
        CONSTRAINT "ck_identity_providers_secret" CHECK (octet_length("client_secret_encrypted") > 28),
        CONSTRAINT "ck_identity_providers_scopes" CHECK ('openid' = ANY ("scopes") AND cardinality("scopes") <= 20),
        CONSTRAINT "ck_identity_providers_domains" CHECK (cardinality("allowed_domains") BETWEEN 1 AND 50 AND lower("allowed_domains"::text) = "allowed_domains"::text),
        CONSTRAINT "ck_identity_providers_version" CHECK ("version" >= 1)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity_providers"`);
  }
}
