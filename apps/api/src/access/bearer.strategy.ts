import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { AccessTokens, type Epoch, type Principal } from '@app/identity';

/**
 * Where the access guard puts the principal epoch it asked for as the request arrived
 * (PrincipalCache.epoch), for `validate`.
 */
export const PRINCIPAL_EPOCH = Symbol('principal epoch');

interface WithEpoch {
  [PRINCIPAL_EPOCH]?: Promise<Epoch | undefined>;
}

/** passport: `Authorization: Bearer <access JWT | sbt_ API token>` → Principal. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly tokens: AccessTokens) {
    super({ passReqToCallback: true });
  }

  /**
   * The header only (DESIGN §4). passport-http-bearer also takes `access_token` from the body
   * and the query string (RFC 6750 §2.2–2.3), where a token ends up in logs, browser history
   * and Referer headers; it is shown only the header, so a token elsewhere counts as none.
   */
  override authenticate(req: Request, options?: object): void {
    const headerOnly: WithEpoch & { headers: object } = {
      headers: { authorization: req.headers.authorization },
      [PRINCIPAL_EPOCH]: (req as WithEpoch)[PRINCIPAL_EPOCH],
    };
    super.authenticate(headerOnly as Request, options);
  }

  async validate(req: WithEpoch, token: string): Promise<Principal | false> {
    return (await this.tokens.authenticate(token, req[PRINCIPAL_EPOCH])) ?? false;
  }
}
