import { type HostResolver, TargetRefused, WebhookTargets } from './webhook-targets';

const names: Record<string, string[]> = {
  'ontvanger.gemeente.nl': ['145.222.1.10', '2a00:1450:400e:80c::200e'],
  'intranet.gemeente.nl': ['10.1.2.3'],
  'half.gemeente.nl': ['145.222.1.11', '192.168.0.5'],
  'cloud.gemeente.nl': ['fd00:ec2::254'],
  'mapped.gemeente.nl': ['::ffff:127.0.0.1'],
};
const resolver: HostResolver = (hostname) => {
  const addresses = names[hostname];
  if (!addresses) return Promise.reject(new Error('ENOTFOUND'));
  return Promise.resolve(
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const),
  );
};

async function refusal(targets: WebhookTargets, url: string): Promise<string | undefined> {
  try {
    await targets.check(url);
    return undefined;
  } catch (error) {
    if (error instanceof TargetRefused) return error.code;
    throw error;
  }
}

describe('WebhookTargets (SSRF protection)', () => {
  it('does not tell what an internal name resolves to', async () => {
    const targets = new WebhookTargets({ allowHttp: false, allowedNetworks: [] }, resolver);
    await expect(targets.check('https://intranet.gemeente.nl/')).rejects.toThrow(
      'The host intranet.gemeente.nl resolves to an address that is not public',
    );
    await expect(targets.check('https://intranet.gemeente.nl/')).rejects.not.toThrow('10.1.2.3');
  });

  const strict = new WebhookTargets({ allowHttp: false, allowedNetworks: [] }, resolver);

  it('accepts https to a name that resolves to public addresses only', async () => {
    expect(await refusal(strict, 'https://ontvanger.gemeente.nl/hooks?bron=sbt')).toBeUndefined();
    expect(await refusal(strict, 'https://145.222.1.10:8443/hooks')).toBeUndefined();
    expect(await refusal(strict, 'https://[2a00:1450:400e:80c::200e]/hooks')).toBeUndefined();
  });

  it.each([
    ['http://ontvanger.gemeente.nl/hooks', 'WEBHOOK_URL_NOT_HTTPS'],
    ['ftp://ontvanger.gemeente.nl/hooks', 'WEBHOOK_URL_NOT_HTTPS'],
    ['geen url', 'WEBHOOK_URL_INVALID'],
    ['https://iemand:geheim@ontvanger.gemeente.nl/', 'WEBHOOK_URL_INVALID'],
    ['https://ontvanger.gemeente.nl/#deel', 'WEBHOOK_URL_INVALID'],
    ['https://onbekend.gemeente.nl/', 'WEBHOOK_TARGET_UNRESOLVABLE'],
    ['https://127.0.0.1/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://127.1/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://2130706433/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://0x7f000001/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://0.0.0.0/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://169.254.169.254/latest/meta-data/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://100.100.100.200/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://172.16.5.4/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[::1]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[::ffff:169.254.169.254]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[fe80::1]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[64:ff9b::a9fe:a9fe]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[::127.0.0.1]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[::ffff:0:127.0.0.1]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[3fff::1]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://[5f00::1]/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://intranet.gemeente.nl/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://half.gemeente.nl/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://cloud.gemeente.nl/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
    ['https://mapped.gemeente.nl/', 'WEBHOOK_TARGET_NOT_PUBLIC'],
  ])('refuses %s (%s)', async (url, code) => {
    expect(await refusal(strict, url)).toBe(code);
  });

  it('allows http and the networks the configuration names, nothing more', async () => {
    const development = new WebhookTargets(
      { allowHttp: true, allowedNetworks: ['127.0.0.1/32', '10.1.0.0/16'] },
      resolver,
    );
    expect(await refusal(development, 'http://127.0.0.1:3999/hook')).toBeUndefined();
    expect(await refusal(development, 'http://intranet.gemeente.nl/hook')).toBeUndefined();
    expect(await refusal(development, 'http://127.0.0.2/hook')).toBe('WEBHOOK_TARGET_NOT_PUBLIC');
    expect(await refusal(development, 'http://169.254.169.254/')).toBe('WEBHOOK_TARGET_NOT_PUBLIC');
  });
});
