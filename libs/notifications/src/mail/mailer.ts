import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Mail } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@app/core';
import type { MailContent } from '../rendering/mail-message';

export interface OutgoingMail extends MailContent {
  to: string;
  /** Derived from the delivery: a copy that SMTP carried twice reads as one in a mail client. */
  messageId: string;
  /** Our delivery key, for support and for tests. */
  deliveryKey: string;
}

/** Sends e-mail over SMTP (SMTP_URL) on pooled connections. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport: Mail | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether e-mail is sent at all (SMTP_URL set); without it, only in-app notifications. */
  get enabled(): boolean {
    return this.config.mail.smtpUrl !== undefined;
  }

  /** The host part of our Message-IDs. */
  get messageIdDomain(): string {
    return new URL(this.config.http.publicUrl).hostname || 'sterk-bestuur-tracker';
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.connection().sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'X-SBT-Delivery': mail.deliveryKey, 'Auto-Submitted': 'auto-generated' },
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = undefined;
  }

  private connection(): Mail {
    if (!this.config.mail.smtpUrl) throw new Error('SMTP_URL is not set');
    this.transport ??= createTransport({
      url: this.config.mail.smtpUrl,
      pool: true,
      maxConnections: this.config.mail.concurrency,
      maxMessages: Infinity,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }
}
