import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateIdentityProviderDto } from './create-identity-provider.dto';
import { UpdateIdentityProviderDto } from './update-identity-provider.dto';

/** The names of the properties that fail, validated as the global ValidationPipe does. */
const failing = <T extends object>(type: new () => T, plain: object): string[] =>
  validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true })
    .map((error) => error.property)
    .sort();

const valid = {
  organisationId: '7d0f3c3e-8f5a-4f39-9d0e-0a8c4b1a2f11',
  displayName: 'Ministerie van BZK',
  issuer: 'https://login.example.nl/realms/bzk',
  clientId: 'sterk-bestuur-tracker',
  clientSecret: 's3cr3t~value',
  allowedDomains: ['minbzk.nl'],
};

describe('identity provider DTOs', () => {
  it('accepts a complete provider, and a change of nothing', () => {
    expect(failing(CreateIdentityProviderDto, valid)).toEqual([]);
    expect(failing(UpdateIdentityProviderDto, {})).toEqual([]);
  });

  it.each([
    'http://login.example.nl/realms/bzk',
    'ftp://login.example.nl',
    'login.example.nl',
    'https://login.example.nl/?tenant=1',
    'https://login.example.nl/#top',
    'https://user:pass@login.example.nl',
    `https://login.example.nl/${'a'.repeat(500)}`,
  ])('refuses the issuer %p', (issuer) => {
    expect(failing(UpdateIdentityProviderDto, { issuer })).toEqual(['issuer']);
  });

  it('takes http only for a provider on this machine', () => {
    expect(failing(UpdateIdentityProviderDto, { issuer: 'http://localhost:4000/oidc' })).toEqual(
      [],
    );
    expect(failing(UpdateIdentityProviderDto, { issuer: 'http://127.0.0.1:4000' })).toEqual([]);
  });

  it('wants openid among the scopes, each a scope token', () => {
    expect(failing(UpdateIdentityProviderDto, { scopes: ['openid', 'email'] })).toEqual([]);
    expect(failing(UpdateIdentityProviderDto, { scopes: ['email', 'profile'] })).toEqual([
      'scopes',
    ]);
    expect(failing(UpdateIdentityProviderDto, { scopes: ['openid', 'two words'] })).toEqual([
      'scopes',
    ]);
    expect(failing(UpdateIdentityProviderDto, { scopes: ['openid', 'openid'] })).toEqual([
      'scopes',
    ]);
    expect(failing(UpdateIdentityProviderDto, { scopes: 'openid' })).toEqual(['scopes']);
  });

  it('lower-cases allowed domains and refuses what is no domain name', () => {
    const dto = plainToInstance(UpdateIdentityProviderDto, { allowedDomains: [' MinBZK.nl '] });
    expect(dto.allowedDomains).toEqual(['minbzk.nl']);
    for (const domain of ['nl', 'minbzk..nl', '-vng.nl', 'vng.nl/', '@vng.nl', 'v ng.nl']) {
      expect(failing(UpdateIdentityProviderDto, { allowedDomains: [domain] })).toEqual([
        'allowedDomains',
      ]);
    }
    expect(failing(UpdateIdentityProviderDto, { allowedDomains: [] })).toEqual(['allowedDomains']);
    const many = Array.from({ length: 51 }, (_, i) => `d${i}.nl`);
    expect(failing(UpdateIdentityProviderDto, { allowedDomains: many })).toEqual([
      'allowedDomains',
    ]);
  });

  it('wants a claim name for the e-mail claim', () => {
    expect(failing(UpdateIdentityProviderDto, { emailClaim: 'preferred_username' })).toEqual([]);
    expect(failing(UpdateIdentityProviderDto, { emailClaim: 'e mail' })).toEqual(['emailClaim']);
    expect(failing(UpdateIdentityProviderDto, { emailClaim: '' })).toEqual(['emailClaim']);
  });

  it('limits every string, and refuses null and blank values', () => {
    expect(
      failing(UpdateIdentityProviderDto, {
        displayName: 'x'.repeat(201),
        clientId: 'x'.repeat(256),
        clientSecret: 'x'.repeat(501),
        emailClaim: 'x'.repeat(201),
      }),
    ).toEqual(['clientId', 'clientSecret', 'displayName', 'emailClaim']);
    expect(
      failing(UpdateIdentityProviderDto, { displayName: '  ', clientSecret: null, enabled: null }),
    ).toEqual(['clientSecret', 'displayName', 'enabled']);
  });

  it('refuses the organisation on a change, and any property it does not know', () => {
    expect(failing(UpdateIdentityProviderDto, { organisationId: valid.organisationId })).toEqual([
      'organisationId',
    ]);
    expect(failing(CreateIdentityProviderDto, { ...valid, clientSecretEncrypted: 'x' })).toEqual([
      'clientSecretEncrypted',
    ]);
  });
});
