import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

/**
 * A browser, as far as signing in through an identity provider goes: a cookie jar per site,
 * redirects followed by hand, the provider's sign-in form filled in. The product is reached
 * through supertest (its PUBLIC_URL names no listening server), the provider over real HTTP.
 */
export class OidcBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(
    private readonly app: NestExpressApplication,
    private readonly publicUrl: string,
  ) {}

  /** The cookies this browser keeps for a site (`app`: the product), as a Cookie header. */
  cookieHeader(site: string): string {
    return [...(this.jars.get(site)?.entries() ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  cookie(site: string, name: string): string | undefined {
    return this.jars.get(site)?.get(name);
  }

  absorb(site: string, setCookies: string[] | string | undefined): void {
    const list =
      setCookies === undefined ? [] : Array.isArray(setCookies) ? setCookies : [setCookies];
    const jar = this.jars.get(site) ?? new Map<string, string>();
    for (const line of list) {
      const [pair, ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(site, jar);
  }

  /** A GET of the product at a path (or a URL of PUBLIC_URL), with this browser's cookies. */
  async visitApp(pathOrUrl: string): Promise<request.Response> {
    const path = pathOrUrl.startsWith(this.publicUrl)
      ? pathOrUrl.slice(this.publicUrl.length)
      : pathOrUrl;
    const res = await request(this.app.getHttpServer())
      .get(path)
      .set('Cookie', this.cookieHeader('app'));
    this.absorb('app', res.headers['set-cookie']);
    return res;
  }

  /**
   * From the product's start route through the provider's sign-in page (as `login`) back to
   * the product's callback. Answers the callback's response, and the callback URL it was
   * given (to replay it).
   */
  async signIn(
    startPath: string,
    login: string,
  ): Promise<{ callback: request.Response; callbackUrl: string }> {
    const started = await this.visitApp(startPath);
    if (started.status !== 303) throw new Error(`start answered ${started.status}`);
    const callbackUrl = await this.throughProvider(started.headers.location, login);
    return { callback: await this.visitApp(callbackUrl), callbackUrl };
  }

  /** Follows the provider until it sends the browser back to the product; answers that URL. */
  async throughProvider(url: string, login: string): Promise<string> {
    let next: { url: string; init?: RequestInit } = { url };
    for (let step = 0; step < 20; step += 1) {
      if (next.url.startsWith(this.publicUrl)) return next.url;
      const site = new URL(next.url).host;
      const res = await fetch(next.url, {
        ...next.init,
        redirect: 'manual',
        headers: { ...(next.init?.headers ?? {}), cookie: this.cookieHeader(site) },
      });
      this.absorb(site, res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (location) {
        next = { url: new URL(location, next.url).href };
        continue;
      }
      const html = await res.text();
      // The provider's sign-in form (oidc-provider's development interactions).
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action || !html.includes('name="login"')) {
        throw new Error(`the provider answered ${res.status}: ${html.slice(0, 300)}`);
      }
      next = {
        url: new URL(action, next.url).href,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
        },
      };
    }
    throw new Error('the provider did not send the browser back');
  }
}
