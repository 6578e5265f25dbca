import type { Problem, Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';
import { generalProblem } from './admin-parts';

export type Provider = Schemas['IdentityProviderResponse'];
type CreateBody = Schemas['CreateIdentityProviderDto'];
type UpdateBody = Schemas['UpdateIdentityProviderDto'];

/** The provider's ETag as answered (the API's is its version, quoted). */
export const etagOf = (response: Response, provider: Provider) =>
  response.headers.get('ETag') ?? `"${provider.version}"`;

/** What the form holds: lists as the text the person typed, the secret as typed (or empty). */
export interface ProviderValues {
  organisationId: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  emailClaim: string;
  allowedDomains: string;
  enabled: boolean;
  passwordSignInDisabled: boolean;
  createUsers: boolean;
}

const FIELDS = [
  'organisationId',
  'displayName',
  'issuer',
  'clientId',
  'clientSecret',
  'scopes',
  'emailClaim',
  'allowedDomains',
] as const;
/** The fields with a text to check (the three switches cannot be wrong). */
export type Field = (typeof FIELDS)[number];
export type FieldIds = Record<Field, string>;

/** The API's limits (libs/identity identity-provider-fields.ts); it has the last word. */
const MAX_NAME = 200;
const MAX_DOMAINS = 50;

/** A new provider starts with the API's defaults, so the person sees what they get. */
export const NEW_PROVIDER: ProviderValues = {
  organisationId: '',
  displayName: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  scopes: 'openid email profile',
  emailClaim: 'email',
  allowedDomains: '',
  enabled: true,
  passwordSignInDisabled: false,
  createUsers: false,
};

/** A stored provider as the form shows it; the secret field starts empty ("keep it"). */
export function valuesOf(provider: Provider): ProviderValues {
  return {
    organisationId: provider.organisation.id,
    displayName: provider.displayName,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: '',
    scopes: provider.scopes.join(' '),
    emailClaim: provider.emailClaim,
    allowedDomains: provider.allowedDomains.join('\n'),
    enabled: provider.enabled,
    passwordSignInDisabled: provider.passwordSignInDisabled,
    createUsers: provider.createUsers,
  };
}

/**
 * Words typed one per line, or separated by spaces, commas or semicolons, each once.
 * The API refuses a repeated scope or domain; a repeat typed by mistake is no reason to bother
 * the person.
 */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/** `@MinBZK.nl` is meant as `minbzk.nl`. */
const domainsOf = (text: string) => [
  ...new Set(splitList(text.toLowerCase()).map((domain) => domain.replace(/^@+/, ''))),
];

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser's check before anything is sent: what is missing, and what cannot be right.
 * Whether an issuer may use http and whether a domain is a domain name is the API's to say
 * (`problemsOf`).
 */
export function checkValues(
  values: ProviderValues,
  creating: boolean,
  ids: FieldIds,
  t: Messages,
): { errors: FieldError[]; body: CreateBody | null } {
  const m = t.identityProviders;
  const errors: FieldError[] = [];
  const add = (field: Field, message: string) => errors.push({ fieldId: ids[field], message });
  const displayName = values.displayName.trim();
  const issuer = values.issuer.trim();
  const clientId = values.clientId.trim();
  const emailClaim = values.emailClaim.trim();
  const scopes = splitList(values.scopes);
  const allowedDomains = domainsOf(values.allowedDomains);

  if (creating && !values.organisationId) add('organisationId', m.organisationRequired);
  if (!displayName) add('displayName', m.displayNameRequired);
  else if (displayName.length > MAX_NAME) add('displayName', m.displayNameTooLong);
  if (!issuer) add('issuer', m.issuerRequired);
  else if (!isAbsoluteUrl(issuer)) add('issuer', m.issuerInvalid);
  if (!clientId) add('clientId', m.clientIdRequired);
  // Blank on a change means "keep the stored secret"; a secret of only spaces is none.
  if (creating && !values.clientSecret.trim()) add('clientSecret', m.clientSecretRequired);
  if (!scopes.includes('openid')) add('scopes', m.scopesWithoutOpenid);
  if (!emailClaim) add('emailClaim', m.emailClaimRequired);
  if (allowedDomains.length === 0) add('allowedDomains', m.domainsRequired);
  else if (allowedDomains.length > MAX_DOMAINS) add('allowedDomains', m.domainsTooMany);
  if (errors.length > 0) return { errors, body: null };

  return {
    errors,
    body: {
      organisationId: values.organisationId,
      displayName,
      issuer,
      clientId,
      clientSecret: values.clientSecret,
      scopes,
      emailClaim,
      allowedDomains,
      enabled: values.enabled,
      passwordSignInDisabled: values.passwordSignInDisabled,
      createUsers: values.createUsers,
    },
  };
}

/**
 * A change sends everything but the organisation (fixed), and the secret only when typed:
 * a blank field keeps the stored one.
 */
export function changeOf(body: CreateBody): UpdateBody {
  return {
    displayName: body.displayName,
    issuer: body.issuer,
    clientId: body.clientId,
    ...(body.clientSecret.trim() && { clientSecret: body.clientSecret }),
    scopes: body.scopes,
    emailClaim: body.emailClaim,
    allowedDomains: body.allowedDomains,
    enabled: body.enabled,
    passwordSignInDisabled: body.passwordSignInDisabled,
    createUsers: body.createUsers,
  };
}

/** The API's word for a field (`allowedDomains[2]`, `scopes`) as one of the form's fields. */
function fieldOf(name: string): Field | null {
  const field = name.split(/[.[]/)[0];
  return FIELDS.find((known) => known === field) ?? null;
}

/** What the person reads at a field the API refused, in their language. */
function messageFor(field: Field, reason: string, t: Messages): string {
  const m = t.identityProviders;
  switch (field) {
    case 'organisationId':
      return m.organisationRequired;
    case 'displayName':
      return /shorter|at most/.test(reason) ? m.displayNameTooLong : m.displayNameRequired;
    case 'issuer':
      // The service's own refusal (IdentityProviderErrors.httpIssuerInProduction).
      return /https in production$/.test(reason) ? m.issuerHttpsInProduction : m.issuerInvalid;
    case 'clientId':
      return m.clientIdInvalid;
    case 'clientSecret':
      return m.clientSecretInvalid;
    case 'scopes':
      return /openid/.test(reason) ? m.scopesWithoutOpenid : m.scopesInvalid;
    case 'emailClaim':
      return m.emailClaimInvalid;
    case 'allowedDomains':
      return /at most|no more/.test(reason) ? m.domainsTooMany : m.domainsInvalid;
  }
}

/**
 * The API's problems with a provider, at their fields: one message per field (the API names
 * every broken rule), and what belongs to no field in the summary alone.
 */
export function problemsOf(
  problem: Problem | undefined,
  status: number | undefined,
  ids: FieldIds,
  t: Messages,
): FieldError[] {
  if (status === 409 && problem?.code === 'IDENTITY_PROVIDER_EXISTS')
    return [{ fieldId: ids.organisationId, message: t.identityProviders.organisationHasOne }];
  if (status === 409 && problem?.code === 'SIGN_IN_WOULD_LOCK_YOU_OUT')
    return [{ message: t.identityProviders.wouldLockYouOut }];
  const params = problem?.invalidParams ?? [];
  if (status !== 400 || params.length === 0)
    return [{ message: generalProblem(problem, status, t) }];
  const found: FieldError[] = [];
  const seen = new Set<string>();
  for (const param of params) {
    const field = fieldOf(param.name);
    const key = field ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(
      field
        ? { fieldId: ids[field], message: messageFor(field, param.reason, t) }
        : { message: generalProblem(problem, status, t) },
    );
  }
  return found;
}
