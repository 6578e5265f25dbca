import { describeProviderError, refusalForTokenError } from './oidc-refusal';

describe('refusalForTokenError', () => {
  it('tells a provider that does not answer from a token that is wrong', () => {
    expect(
      refusalForTokenError(
        new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }),
      ),
    ).toBe('OIDC_PROVIDER_UNREACHABLE');
    const timeout = new Error('The operation was aborted due to timeout');
    timeout.name = 'TimeoutError';
    expect(refusalForTokenError(timeout)).toBe('OIDC_PROVIDER_UNREACHABLE');
  });

  it('reads the compared claim from the cause openid-client wraps', () => {
    const nonce = Object.assign(new Error('unexpected JWT claim value encountered'), {
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      cause: { claim: 'nonce' },
    });
    expect(refusalForTokenError(nonce)).toBe('OIDC_NONCE_MISMATCH');
    const issuer = Object.assign(new Error('unexpected JWT claim value encountered'), {
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      cause: { claim: 'iss' },
    });
    expect(refusalForTokenError(issuer)).toBe('OIDC_TOKEN_INVALID');
  });

  it('never answers anything but a refusal for what it does not know', () => {
    expect(refusalForTokenError(new Error('something new'))).toBe('OIDC_TOKEN_INVALID');
    expect(refusalForTokenError('a string')).toBe('OIDC_TOKEN_INVALID');
    expect(refusalForTokenError(undefined)).toBe('OIDC_TOKEN_INVALID');
  });

  it('tells a refused client (wrong secret) from a refused code', () => {
    const answer = (error: string) =>
      Object.assign(new Error('server responded with an error in the response body'), {
        name: 'ResponseBodyError',
        error,
        status: 400,
      });
    expect(refusalForTokenError(answer('invalid_client'))).toBe('OIDC_PROVIDER_MISCONFIGURED');
    expect(refusalForTokenError(answer('invalid_grant'))).toBe('OIDC_CODE_REFUSED');
    expect(describeProviderError(answer('invalid_client'))).toBe(
      'server responded with an error in the response body; error=invalid_client; status=400',
    );
  });
});
