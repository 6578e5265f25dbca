import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

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
 * A real SMTP server that keeps what it receives, for the tests and the benchmarks (it is
 * not part of the product: `npm start` uses MailDev). It can refuse recipients for a while
 * (451) to stand for a mail server in trouble, and answer slowly. With `parse: false` it
 * only reads the headers it reports (a benchmark's sink must not be its bottleneck).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private readonly refusals = new Map<string, number>();
  private server: SMTPServer | undefined;
  refused = 0;
  /** How long the server takes to accept a message (a slow mail server). */
  acceptDelayMs = 0;

  constructor(private readonly options: { parse?: boolean } = {}) {}

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
      onData: (stream, session, callback) => {
        if (this.options.parse === false) {
          this.keepRaw(stream, session, callback);
          return;
        }
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

  private keepRaw(
    stream: NodeJS.ReadableStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): void {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const header = (name: string) =>
        new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head.split('\r\n\r\n')[0])?.[1]?.trim() ?? '';
      this.messages.push({
        to: session.envelope.rcptTo.map((address) => address.address.toLowerCase()),
        subject: '',
        text: '',
        html: '',
        messageId: header('Message-ID'),
        deliveryKey: header('X-SBT-Delivery'),
        receivedAt: new Date(),
      });
      callback();
    });
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
