import { Injectable, Logger } from '@nestjs/common';
import { SessionsRepository } from './sessions.repository';

/** Sessions looked at per statement: each is a short transaction of its own. */
const BATCH_FAMILIES = 1000;
/**
 * How long an ended session's tokens are kept. Not needed for safety (an ended session cannot
 * come back: only a live token is rotated); a margin, and a day in which a replayed token of a
 * session that merely expired is still recorded as reuse in the audit log.
 */
const ENDED_GRACE_SECONDS = 24 * 3600;

/**
 * Deletes the refresh tokens that can no longer matter (a worker job, hourly). What reuse
 * detection needs is kept for as long as it can matter: every token of a session that is
 * still live, its spent ones included, however old. A spent token presented again is the
 * sign that it leaked, and that sign counts while the session can still be used: the
 * owner's laptop, back after three weeks away, presenting a token a thief has since rotated
 * ends the thief's session too. Once no token of a session can be rotated (each revoked or
 * expired), presenting any of them answers 401 whether its row exists or not, so the whole
 * session goes.
 */
@Injectable()
export class SessionsPurge {
  private readonly logger = new Logger(SessionsPurge.name);

  constructor(private readonly sessions: SessionsRepository) {}

  /** Answers how many tokens were deleted. */
  async purge(): Promise<number> {
    let after: string | null = null;
    let deleted = 0;
    for (;;) {
      const batch = await this.sessions.purgeEnded(after, BATCH_FAMILIES, ENDED_GRACE_SECONDS);
      deleted += batch.deleted;
      if (batch.last === null) break;
      after = batch.last;
    }
    if (deleted > 0) {
      this.logger.log(
        { event: 'refresh_tokens_purged', deleted },
        'refresh tokens of ended sessions deleted',
      );
    }
    const states = await this.sessions.purgeLoginStates(ENDED_GRACE_SECONDS);
    if (states > 0) {
      this.logger.log(
        { event: 'oidc_login_states_purged', deleted: states },
        'started sign-ins through identity providers, expired a day ago, deleted',
      );
    }
    return deleted;
  }
}
