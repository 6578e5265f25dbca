import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { AccessTokens, type Principal } from '@app/identity';

/** passport: `Authorization: Bearer <access JWT | sbt_ API token>` → Principal. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly tokens: AccessTokens) {
    super();
  }

  /**
   * The header only (DESIGN §4). passport-http-bearer also takes `access_token` from the body
   * and the query string (RFC 6750 §2.2–2.3), where a token ends up in logs, browser history
   * and Referer headers; it is shown only the header, so a token elsewhere counts as none.
   */
  override authenticate(req: Request, options?: object): void {
    const headerOnly = { headers: { authorization: req.headers.authorization } };
    super.authenticate(headerOnly as Request, options);
  }

  async validate(token: string): Promise<Principal | false> {
    return (await this.tokens.authenticate(token)) ?? false;
  }
}
