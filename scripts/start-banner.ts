/** The lines `npm start` (scripts/start.ts) prints once everything runs: where to find what. */
import { maskUrl } from './services';
import { DEMO_USERS } from '../seeds/demo-users';
import type { LocalMail } from './services/local-mail';
import { SECRET_NAMES } from './services/secrets';
import { DEMO_EMAIL_DOMAIN } from '../seeds/dev-identity-provider.constants';
import { dataRoot, devProviderUrl, relative, say } from './start-services';

export function printBanner(
  startedAt: number,
  publicUrl: string,
  env: NodeJS.ProcessEnv,
  mail: LocalMail | undefined,
  migrationRole: string | undefined,
): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const kept = [
    process.env.DATABASE_URL ? '' : 'PostgreSQL',
    process.env.REDIS_URL ? '' : 'Redis',
    SECRET_NAMES.every((name) => process.env[name]) ? '' : 'secrets',
    process.env.AUDIT_CHECKPOINT_FILE ? '' : 'audit checkpoint',
    process.env.SMTP_URL ? '' : 'e-mail',
  ].filter(Boolean);
  const emailWidth = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const passwordWidth = Math.max(...DEMO_USERS.map((user) => user.password.length));
  say(
    [
      '',
      `Sterk Bestuur Tracker is running (started in ${seconds} s)`,
      '',
      `  Web app       ${publicUrl}/`,
      `  API           ${publicUrl}/v1`,
      `  OpenAPI       ${publicUrl}/v1/openapi.json  (YAML: ${publicUrl}/v1/openapi.yaml)`,
      `  API docs      ${publicUrl}/v1/docs`,
      `  Reports       ${publicUrl}/v1/programmes/{id}/reports/progress?format=pdf  (json, csv, xlsx, html; README "Progress reports")`,
      `  Health        ${publicUrl}/health/ready`,
      `  Database      ${maskUrl(env.DATABASE_URL ?? '')}${migrationRole ? `  (migrations as ${migrationRole})` : ''}`,
      `  Redis         ${maskUrl(env.REDIS_URL ?? '')}`,
      `  E-mail        ${mail ? `${mail.webUrl}  (the local inbox: every e-mail the worker sends)` : maskUrl(env.SMTP_URL ?? '')}`,
      ...(env.CLOCK_TRAVEL === 'true'
        ? [`  Clock travel  PUT ${publicUrl}/v1/system/clock {"now": "…"} as the administrator`]
        : []),
      `  Data          ${kept.length ? `${relative(dataRoot)}/ (${kept.join(', ')})` : 'nothing kept locally'}`,
      '',
      '  Demo log-ins (POST /v1/auth/login; also in README.md, "Demo users"):',
      ...DEMO_USERS.map(
        (user) =>
          `    ${user.email.padEnd(emailWidth)}  ${user.password.padEnd(passwordWidth)}  ${user.role}`,
      ),
      '',
      ...(devProviderUrl
        ? [
            `  Sign in with your organisation: a development identity provider runs at ${devProviderUrl}`,
            `    as BZK's, VNG's, IPO's and UvW's. On ${publicUrl}/aanmelden choose "Inloggen met uw`,
            '    organisatie", pick the organisation, and sign in there with the part of a demo e-mail',
            `    before the @ (e.g. liaison.vng), any password. Only @${DEMO_EMAIL_DOMAIN} demo users.`,
            '',
          ]
        : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}
