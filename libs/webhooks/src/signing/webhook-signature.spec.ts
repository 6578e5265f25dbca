import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signatureHeader, signedHeaders } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  const body = JSON.stringify({
    specversion: '1.0',
    id: 'e1',
    type: 'nl.sterk-bestuur.action.created',
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('makes secrets the reference library accepts, each different', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(secret);
    expect(() => new Webhook(secret)).not.toThrow();
  });

  it('signs so that the reference library verifies the message', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], 'msg_1', now(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('matches the reference library byte for byte', () => {
    const secret = newWebhookSecret();
    const timestamp = now();
    const reference = new Webhook(secret).sign('msg_2', new Date(timestamp * 1000), body);
    expect(signatureHeader([secret], 'msg_2', timestamp, body)).toBe(reference);
  });

  it('carries both signatures during a rotation: either secret verifies', () => {
    const [previous, current] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signedHeaders([current, previous], 'msg_3', now(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [previous, current]) {
      expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    }
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('is refused when the body, the id or the timestamp was changed', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], 'msg_4', now(), body);
    const verifier = new Webhook(secret);
    expect(() => verifier.verify(`${body} `, headers)).toThrow();
    expect(() => verifier.verify(body, { ...headers, 'webhook-id': 'msg_5' })).toThrow();
    expect(() =>
      verifier.verify(body, { ...headers, 'webhook-timestamp': String(now() - 3600) }),
    ).toThrow();
  });

  it('refuses to sign with something that is no webhook secret', () => {
    expect(() => signatureHeader(['geheim'], 'msg', now(), body)).toThrow('not a webhook secret');
  });
});
