import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const headerText = (value: unknown): string => (typeof value === 'string' ? value : '');

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Our X-SBT-Delivery header: which delivery (or digest) the message is. */
  deliveryKey: string;
  receivedAt: Date;
}

/**
 * A real SMTP server in the test process that keeps what it receives, and can refuse
 * recipients for a while (451) to stand for a mail server in trouble.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private readonly refusals = new Map<string, number>();
  private server: SMTPServer | undefined;
  refused = 0;
  /** How long the server takes to accept a message (a slow mail server). */
  acceptDelayMs = 0;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        const left = this.refusals.get(address.address.toLowerCase()) ?? 0;
        if (left > 0) {
          this.refusals.set(address.address.toLowerCase(), left - 1);
          this.refused += 1;
          const error = Object.assign(new Error('Mailbox busy, try again later'), {
            responseCode: 451,
          });
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          // A slow server takes its time before it accepts; once it keeps a message it says so.
          .then(
            (mail) =>
              new Promise<typeof mail>((resolve) =>
                setTimeout(() => resolve(mail), this.acceptDelayMs),
              ),
          )
          .then((mail) => {
            const to = [mail.to].flat().flatMap((address) => address?.value ?? []);
            this.messages.push({
              to: to.map((address) => (address.address ?? '').toLowerCase()),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
              deliveryKey: headerText(mail.headers.get('x-sbt-delivery')),
              receivedAt: new Date(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Refuses the next `times` messages to `email` with a temporary error. */
  refuse(email: string, times: number): void {
    this.refusals.set(email.toLowerCase(), times);
  }

  to(email: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.to.includes(email.toLowerCase()));
  }

  clear(): void {
    this.acceptDelayMs = 0;
    this.messages.length = 0;
    this.refusals.clear();
    this.refused = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
