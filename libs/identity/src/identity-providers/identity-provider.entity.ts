import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An organisation's OpenID Connect provider: at most one per organisation. */
@Entity({ name: 'identity_providers' })
export class IdentityProviderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_identity_providers' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  /** Exactly as the provider names itself in its discovery document and ID tokens. */
  @Column({ type: 'text' })
  issuer!: string;

  @Column({ name: 'client_id', type: 'varchar', length: 255 })
  clientId!: string;

  /** IV, tag and ciphertext (ClientSecretCipher); never leaves the identity context. */
  @Column({ name: 'client_secret_encrypted', type: 'bytea' })
  clientSecretEncrypted!: Buffer;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ name: 'email_claim', type: 'varchar', length: 200, default: 'email' })
  emailClaim!: string;

  /** Lower-case domain names; only e-mail addresses of these may sign in through it. */
  @Column({ name: 'allowed_domains', type: 'text', array: true })
  allowedDomains!: string[];

  /** Whether a person unknown here gets an account (without programme roles) at first sign-in. */
  @Column({ name: 'create_users', type: 'boolean', default: false })
  createUsers!: boolean;

  /** Whether the organisation's people may only sign in through this provider. */
  @Column({ name: 'password_sign_in_disabled', type: 'boolean', default: false })
  passwordSignInDisabled!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Optimistic concurrency: raised by every change (ETag, If-Match). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
