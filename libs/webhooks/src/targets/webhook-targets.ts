import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** An address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (the system resolver; tests pass their own). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

/** Why a target is refused: the code the API answers and the delivery log shows. */
export type TargetRefusal =
  | 'WEBHOOK_URL_INVALID'
  | 'WEBHOOK_URL_NOT_HTTPS'
  | 'WEBHOOK_TARGET_UNRESOLVABLE'
  | 'WEBHOOK_TARGET_NOT_PUBLIC';

export class TargetRefused extends Error {
  constructor(
    readonly code: TargetRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Networks no webhook may reach unless configured (WEBHOOK_ALLOWED_NETWORKS): this host,
 * private and shared networks, link-local (cloud metadata at 169.254.169.254 among them),
 * documentation, benchmarking, multicast and reserved ranges (IANA special-purpose registries).
 */
const NOT_PUBLIC_V4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;
const NOT_PUBLIC_V6 = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const;

const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

function notPublicList(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of NOT_PUBLIC_V4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of NOT_PUBLIC_V6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

/** `::ffff:a.b.c.d` (and its hexadecimal form) as the IPv4 address it carries. */
function unmapped(address: string): { address: string; family: 4 | 6 } {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return { address: dotted[1], family: 4 };
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 4 };
  }
  return { address, family: isIP(address) === 4 ? 4 : 6 };
}

export interface TargetRules {
  allowHttp: boolean;
  /** CIDR networks allowed although not public. */
  allowedNetworks: readonly string[];
}

/**
 * How long a host name's lookup may take. A name server that does not answer would otherwise
 * hold a delivery past its lease, and another worker would send it alongside.
 */
export const LOOKUP_DEADLINE_MS = 5_000;

/**
 * Where webhooks may go (SSRF protection, issue 21): `https` (http only when configured for
 * development), no credentials in the URL, and a host that resolves only to public addresses
 * unless the configuration allows a network. Checked when a subscription is saved and again
 * on every delivery, through the address the connection then uses (`lookup`), so a name that
 * resolves elsewhere later (DNS rebinding) is refused too.
 */
export class WebhookTargets {
  private readonly notPublic = notPublicList();
  private readonly allowed = new BlockList();

  constructor(
    private readonly rules: TargetRules,
    private readonly resolver: HostResolver = systemResolver,
  ) {
    for (const entry of rules.allowedNetworks) {
      const [network, prefix] = entry.split('/');
      this.allowed.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4');
    }
  }

  /** The URL's form: refused with a reason, or the parsed URL. */
  parse(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new TargetRefused('WEBHOOK_URL_INVALID', 'The URL is not a valid absolute URL.');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.rules.allowHttp)) {
      throw new TargetRefused(
        'WEBHOOK_URL_NOT_HTTPS',
        this.rules.allowHttp
          ? 'The URL must start with https:// or http://.'
          : 'The URL must start with https://.',
      );
    }
    if (url.username || url.password) {
      throw new TargetRefused(
        'WEBHOOK_URL_INVALID',
        'The URL must not contain a user name or password: the signature proves the sender.',
      );
    }
    if (url.hash)
      throw new TargetRefused('WEBHOOK_URL_INVALID', 'The URL must not have a #fragment.');
    return url;
  }

  /**
   * Whether an address may be reached: inside an allowed network, or public (IPv6: global
   * unicast, 2000::/3, only; everything else in IPv6 is special or unassigned).
   */
  mayReach(address: string): boolean {
    const plain = unmapped(address);
    const type = plain.family === 4 ? 'ipv4' : 'ipv6';
    if (this.allowed.check(plain.address, type)) return true;
    if (type === 'ipv6' && !GLOBAL_UNICAST_V6.check(plain.address, 'ipv6')) return false;
    return !this.notPublic.check(plain.address, type);
  }

  /**
   * The addresses a URL's host resolves to, all of which may be reached; refused when any
   * may not (a name with one private address among public ones is refused as a whole).
   */
  async addressesOf(url: URL, deadlineMs = LOOKUP_DEADLINE_MS): Promise<ResolvedAddress[]> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: ResolvedAddress[];
    if (isIP(host) !== 0) {
      addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
    } else {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), deadlineMs);
      });
      let answer: ResolvedAddress[] | 'late';
      try {
        // The system resolver cannot be stopped, only no longer waited for.
        answer = await Promise.race([this.resolver(host), late]);
      } catch {
        answer = [];
      } finally {
        clearTimeout(timer);
      }
      if (answer === 'late') {
        throw new TargetRefused(
          'WEBHOOK_TARGET_UNRESOLVABLE',
          `The host ${host} could not be resolved within ${Math.ceil(deadlineMs / 1000)} s.`,
        );
      }
      addresses = answer;
      if (addresses.length === 0) {
        throw new TargetRefused(
          'WEBHOOK_TARGET_UNRESOLVABLE',
          `The host ${host} could not be resolved.`,
        );
      }
    }
    const refused = addresses.find((entry) => !this.mayReach(entry.address));
    if (refused) {
      throw new TargetRefused(
        'WEBHOOK_TARGET_NOT_PUBLIC',
        `The host ${host} resolves to an address that is not public: webhooks may not reach internal networks.`,
      );
    }
    return addresses;
  }

  /** Checks a URL completely (form and addresses): when a subscription is saved. */
  async check(raw: string): Promise<URL> {
    const url = this.parse(raw);
    await this.addressesOf(url);
    return url;
  }
}
