import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayContains,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  buildMessage,
  IsArray,
  IsBoolean,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { Field, NOT_BLANK, type Presence, Trim } from '@app/core';

export const MAX_SCOPES = 20;
export const MAX_ALLOWED_DOMAINS = 50;
export const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

/** RFC 6749 §3.3 scope-token: printable ASCII but space, `"` and `\`. */
export const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** A claim's name: `email`, `upn`, `preferred_username`, or a URI-like name some providers use. */
export const CLAIM_NAME = /^[A-Za-z_][A-Za-z0-9_.:/#-]*$/;
/** RFC 6749 VSCHAR, what client ids and secrets are made of: printable ASCII and space. */
const VSCHAR = /^[\x20-\x7E]+$/;
/**
 * A lower-case domain name of two labels or more (`minbzk.nl`, `vng.nl`); an internationalised
 * name in its ASCII (`xn--`) form.
 */
export const DOMAIN_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why `value` is no issuer this API accepts, or undefined. An issuer is an absolute https URL
 * without query or fragment (OpenID Connect Discovery §2); http only on this machine
 * (localhost), for a development provider. Production refuses http altogether (the service).
 */
export function issuerProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname))
    return 'must use https (http only for a provider on localhost, outside production)';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https';
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (value.includes('?') || value.includes('#')) return 'must not have a query or fragment';
  return undefined;
}

function IsIssuer(): PropertyDecorator {
  return ValidateBy({
    name: 'isIssuer',
    validator: {
      validate: (value: unknown) => issuerProblem(value) === undefined,
      defaultMessage: buildMessage(
        (each, args) => `${each}$property ${issuerProblem(args?.value) ?? 'is not valid'}`,
      ),
    },
  });
}

/** Trims and lower-cases each domain: `MinBZK.nl ` is `minbzk.nl`. */
function LowerCaseEach(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((item: unknown) => (typeof item === 'string' ? item.trim().toLowerCase() : item))
      : value,
  );
}

/** Required on create, may be left out of a change. */
const presence = (required: boolean): Presence => (required ? 'required' : 'omittable');

/**
 * Each field is core's `Field`; its rules are one `applyDecorators`, which applies them
 * first-listed-first, as they always were (class-validator reports them in that order).
 */
export const IdentityProviderFields = {
  displayName: (required: boolean) =>
    Field(
      presence(required),
      {
        minLength: 1,
        maxLength: 200,
        description: 'What the sign-in page shows, e.g. "Rijksoverheid (Entra ID)".',
        example: 'Ministerie van BZK',
      },
      applyDecorators(
        Trim(),
        IsString(),
        MinLength(1),
        MaxLength(200),
        Matches(NOT_BLANK, { message: 'displayName must not be blank' }),
      ),
    ),

  issuer: (required: boolean) =>
    Field(
      presence(required),
      {
        format: 'uri',
        maxLength: 500,
        description:
          'The issuer identifier, exactly as the provider states it in its discovery document: ' +
          'an absolute https URL without query or fragment. http only for a provider on ' +
          'localhost, and never in production.',
        example: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0',
      },
      applyDecorators(IsString(), MaxLength(500), IsIssuer()),
    ),

  clientId: (required: boolean) =>
    Field(
      presence(required),
      {
        minLength: 1,
        maxLength: 255,
        description: 'The client id this product is registered under at the provider.',
        example: 'sterk-bestuur-tracker',
      },
      applyDecorators(
        IsString(),
        MinLength(1),
        MaxLength(255),
        Matches(VSCHAR, { message: 'clientId must be printable ASCII characters' }),
        Matches(NOT_BLANK, { message: 'clientId must not be blank' }),
      ),
    ),

  clientSecret: (required: boolean) =>
    Field(
      presence(required),
      {
        minLength: 1,
        maxLength: 500,
        writeOnly: true,
        example: 'Wq8yF3nK0tVb6xLr2HcD9sJm5PeA7gZu',
        description: required
          ? 'The client secret. Stored encrypted; never answered.'
          : 'A new client secret; left out, the stored one stays. Stored encrypted; never answered.',
      },
      applyDecorators(
        IsString(),
        MinLength(1),
        MaxLength(500),
        Matches(VSCHAR, { message: 'clientSecret must be printable ASCII characters' }),
        Matches(NOT_BLANK, { message: 'clientSecret must not be blank' }),
      ),
    ),

  scopes: (onCreate: boolean) =>
    Field(
      'omittable',
      {
        type: [String],
        minItems: 1,
        maxItems: MAX_SCOPES,
        uniqueItems: true,
        description:
          'The scopes asked for; must include `openid`. Each a scope token (RFC 6749 §3.3), ' +
          `at most 100 characters.${onCreate ? ` Default: ${DEFAULT_SCOPES.join(', ')}.` : ''}`,
        example: DEFAULT_SCOPES,
        items: { type: 'string', pattern: SCOPE_TOKEN.source, maxLength: 100 },
      },
      applyDecorators(
        IsArray(),
        ArrayMinSize(1),
        ArrayMaxSize(MAX_SCOPES),
        ArrayUnique(),
        IsString({ each: true }),
        MaxLength(100, { each: true }),
        Matches(SCOPE_TOKEN, {
          each: true,
          message:
            'each of scopes must be a scope token: printable characters, no spaces or quotes',
        }),
        ArrayContains(['openid'], { message: 'scopes must include openid' }),
      ),
    ),

  emailClaim: (onCreate: boolean) =>
    Field(
      'omittable',
      {
        maxLength: 200,
        pattern: CLAIM_NAME.source,
        description: `The ID token claim that carries the e-mail address.${onCreate ? ' Default: email.' : ''}`,
        example: 'email',
      },
      applyDecorators(
        IsString(),
        MinLength(1),
        MaxLength(200),
        Matches(CLAIM_NAME, {
          message: 'emailClaim must be a claim name: letters, digits and _ . : / # -',
        }),
      ),
    ),

  allowedDomains: (required: boolean) =>
    Field(
      presence(required),
      {
        type: [String],
        minItems: 1,
        maxItems: MAX_ALLOWED_DOMAINS,
        uniqueItems: true,
        description:
          'The e-mail domains whose people may sign in through this provider, as domain ' +
          'names (lower-cased when stored; an internationalised name in its xn-- form).',
        example: ['minbzk.nl', 'rijksoverheid.nl'],
        items: { type: 'string', maxLength: 253 },
      },
      applyDecorators(
        LowerCaseEach(),
        IsArray(),
        ArrayMinSize(1),
        ArrayMaxSize(MAX_ALLOWED_DOMAINS),
        ArrayUnique(),
        IsString({ each: true }),
        Matches(DOMAIN_NAME, {
          each: true,
          message: 'each of allowedDomains must be a domain name such as minbzk.nl',
        }),
      ),
    ),

  flag: (description: string, example: boolean) =>
    Field('omittable', { type: Boolean, description, example }, IsBoolean()),
};
