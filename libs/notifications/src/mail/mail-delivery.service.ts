import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, Metrics, webAppUrls, type WebAppUrls } from '@app/core';
import type { EntityManager } from 'typeorm';
import {
  type DeliveryToSend,
  EmailDeliveriesRepository,
} from '../deliveries/email-deliveries.repository';
import { composeDigest, composeMessage, itemLink, type MailItem } from '../rendering/mail-message';
import { describeSmtpError } from './describe-smtp-error';
import { Mailer } from './mailer';
import { MailJobs } from './mail-jobs';
import { SendPermits } from './send-permits';

/**
 * Sends e-mail deliveries and digests exactly once from the recipient's view: the row is
 * locked while its message goes out and marked sent in the same transaction, so a retried or
 * duplicated job finds it sent (or held) and does nothing. SMTP failures count an attempt and
 * retry with backoff (the job's), and after MAIL_MAX_ATTEMPTS the row is `failed`.
 *
 * One window SMTP cannot close: the server accepted the message and the process died before
 * the commit. The retry then sends it again, under the same Message-ID, which mail clients
 * show once (README "Notifications"). SendPermits keeps at most MAIL_CONCURRENCY messages
 * per worker in that window. Their jobs are placed and reconciled by `MailJobs`.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);
  private readonly permits: SendPermits;
  /**
   * A sender holds its transaction (and a pooled connection) while the mail server
   * answers: at most half the pool, so a slow server never starves the rest of the worker.
   */
  private readonly connections: SendPermits;
  private readonly pages: WebAppUrls;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly mailer: Mailer,
    private readonly jobs: MailJobs,
    private readonly metrics: Metrics,
  ) {
    this.permits = new SendPermits(config.mail.concurrency);
    this.connections = new SendPermits(Math.max(1, Math.floor(config.database.poolSize / 2)));
    this.pages = webAppUrls(config.http.publicUrl);
  }

  private get settingsUrl(): string {
    return this.pages.notificationPreferences();
  }

  /**
   * The Message-ID of a delivery: derived from its key (the cause, the person, the channel),
   * not from a row, so that a message sent again after a crash carries the same one.
   */
  private messageId(key: string): string {
    const digest = createHash('sha256').update(key).digest('hex').slice(0, 40);
    return `<${digest}@${this.mailer.messageIdDomain}>`;
  }

  private item(row: DeliveryToSend): MailItem {
    return {
      kind: row.kind,
      reason: row.reason,
      payload: row.payload,
      link: itemLink(row.kind, row.actionId, this.pages),
    };
  }

  /** Sends one delivery (a `mail.deliver` job). Throws to have the job retried. */
  async deliver(deliveryId: string): Promise<void> {
    const [retry] = await this.sendGroup([deliveryId]);
    if (retry) throw retry.error;
  }

  /**
   * Sends fresh deliveries at once (a reminder batch's), MAIL_CONCURRENCY at a time; those
   * the mail server refused are retried through the queue, after the retry delay.
   */
  async sendBatch(deliveryIds: readonly string[]): Promise<void> {
    const retries: string[] = [];
    const size = this.config.mail.concurrency;
    for (let start = 0; start < deliveryIds.length; start += size) {
      const failed = await this.sendGroup(deliveryIds.slice(start, start + size));
      retries.push(...failed.map((failure) => failure.id));
    }
    if (retries.length > 0) {
      await this.jobs.enqueue({ deliveryIds: retries, digests: [], retrying: true });
    }
  }

  /**
   * Sends what these causes' notifications still wait for, never tried: after a worker died
   * between committing them and sending them, the job that runs again resumes there.
   */
  async resume(sourceKeys: readonly string[]): Promise<number> {
    const ids = await this.deliveries.untried(sourceKeys);
    await this.sendBatch(ids);
    return ids.length;
  }

  /**
   * Runs a sending transaction for `messages` messages once its permits are free: taken
   * before the transaction, so that no pooled connection waits for one.
   */
  private async withPermits<T>(messages: number, send: () => Promise<T>): Promise<T> {
    const release = await this.permits.acquire(messages);
    const releaseConnection = await this.connections.acquire(1);
    try {
      return await send();
    } finally {
      releaseConnection();
      release();
    }
  }

  /**
   * One group in one transaction: its pending deliveries are locked, sent concurrently over
   * the pooled connections, and marked sent together. Answers those to retry.
   */
  private sendGroup(ids: readonly string[]): Promise<{ id: string; error: Error }[]> {
    return this.withPermits(ids.length, () => this.sendGroupLocked(ids));
  }

  private sendGroupLocked(ids: readonly string[]): Promise<{ id: string; error: Error }[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await this.deliveries.lockDeliveries(manager, ids)).filter(
        // Already settled, or part of a digest: nothing to do here.
        (row) => row.state === 'pending' && row.digestId === null,
      );
      const inactive = rows.filter((row) => !row.isActive);
      await this.deliveries.settle(
        manager,
        'email_deliveries',
        inactive.map((row) => row.id),
        {
          state: 'skipped',
          error: 'the account is deactivated',
          countAttempt: false,
        },
      );
      const outcomes = await Promise.all(
        rows.filter((row) => row.isActive).map((row) => this.send(row)),
      );
      const sent = outcomes.flatMap((outcome) => ('messageId' in outcome ? [outcome] : []));
      await this.deliveries.settleSent(manager, sent);
      this.count('single', 'skipped', inactive.length);
      this.count('single', 'sent', sent.length);
      const retries: { id: string; error: Error }[] = [];
      for (const outcome of outcomes) {
        if (!('failure' in outcome)) continue;
        const { row, failure } = outcome;
        const error = await this.recordFailure(
          manager,
          'email_deliveries',
          [row.id],
          row.attempts,
          failure,
        );
        this.count('single', error ? 'retry' : 'failed', 1);
        if (error) retries.push({ id: row.id, error });
      }
      return retries;
    });
  }

  private async send(
    row: DeliveryToSend,
  ): Promise<{ id: string; messageId: string } | { row: DeliveryToSend; failure: unknown }> {
    const deliveryKey = `${row.sourceKey}:${row.userId}:email`;
    const messageId = this.messageId(deliveryKey);
    try {
      await this.mailer.send({
        to: row.email,
        messageId,
        deliveryKey,
        ...(await composeMessage(this.item(row), row.language, this.settingsUrl)),
      });
      return { id: row.id, messageId };
    } catch (failure) {
      return { row, failure };
    }
  }

  /** Sends one person's digest with every item still pending in it (a `mail.digest` job). */
  async sendDigest(digestId: string): Promise<void> {
    const retry = await this.withPermits(1, () =>
      this.dataSource.transaction(async (manager) => {
        const digest = await this.deliveries.lockDigest(manager, digestId);
        if (!digest || digest.state !== 'pending') return undefined;
        const items = await this.deliveries.digestItems(manager, digest.id);
        const itemIds = items.map((item) => item.id);
        if (items.length === 0 || !digest.isActive) {
          const reason = items.length === 0 ? 'nothing to send' : 'the account is deactivated';
          await this.deliveries.settle(manager, 'email_digests', [digest.id], {
            state: 'skipped',
            error: reason,
            countAttempt: false,
          });
          await this.deliveries.settle(manager, 'email_deliveries', itemIds, {
            state: 'skipped',
            error: reason,
            countAttempt: false,
          });
          this.count('digest', 'skipped', 1);
          return undefined;
        }
        const deliveryKey = `digest:${digest.userId}:${digest.digestDate}`;
        const messageId = this.messageId(deliveryKey);
        try {
          await this.mailer.send({
            to: digest.email,
            messageId,
            deliveryKey,
            ...(await composeDigest(
              items.map((item) => this.item(item)),
              digest.digestDate,
              digest.language,
              this.settingsUrl,
            )),
          });
        } catch (error) {
          const failure = await this.recordFailure(
            manager,
            'email_digests',
            [digest.id],
            digest.attempts,
            error,
          );
          this.count('digest', failure ? 'retry' : 'failed', 1);
          if (!failure) {
            await this.deliveries.settle(manager, 'email_deliveries', itemIds, {
              state: 'failed',
              error: describeSmtpError(error),
              countAttempt: true,
            });
          }
          return failure;
        }
        const sent = { state: 'sent' as const, messageId, countAttempt: true };
        await this.deliveries.settle(manager, 'email_digests', [digest.id], sent);
        await this.deliveries.settle(manager, 'email_deliveries', itemIds, sent);
        this.count('digest', 'sent', 1);
        return undefined;
      }),
    );
    if (retry) throw retry;
  }

  /** Counted as the row settles (a rare rollback after it can count one twice on retry). */
  private count(kind: 'single' | 'digest', outcome: string, deliveries: number): void {
    if (deliveries > 0) this.metrics.mailDeliveries.inc({ kind, outcome }, deliveries);
  }

  /**
   * Counts the failed attempt; answers the error to rethrow (so that the job retries with
   * backoff), or undefined when this was the last attempt and the row is now `failed`.
   */
  private async recordFailure(
    manager: EntityManager,
    table: 'email_deliveries' | 'email_digests',
    ids: string[],
    attempts: number,
    error: unknown,
  ): Promise<Error | undefined> {
    const description = describeSmtpError(error);
    const last = attempts + 1 >= this.config.mail.maxAttempts;
    await this.deliveries.settle(manager, table, ids, {
      state: last ? 'failed' : 'pending',
      error: description,
      countAttempt: true,
    });
    this.logger.warn(
      `${table === 'email_digests' ? 'digest' : 'delivery'} ${ids[0]} attempt ${attempts + 1} failed: ${description}`,
    );
    return last ? undefined : new Error(`SMTP: ${description}`);
  }
}
