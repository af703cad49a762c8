import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email the test SMTP server received: envelope, the login used, and the decoded subject and body. */
export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  subject: string;
  text: string;
  raw: string;
}

/** Quoted-printable (body) and RFC 2047 encoded words (headers) back to UTF-8 text. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function parse(raw: string): Pick<ReceivedMail, 'subject' | 'text'> {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1] ?? '';
  const body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject: decodeHeader(header('Subject')), text: text.trim() };
}

/**
 * A real SMTP server on a free local port that keeps what it receives (the `smtp-server` package), for tests of the
 * email adapter: plain connection (no STARTTLS), login required and checked against `user`/`password`.
 */
export class MailCatcher {
  readonly received: ReceivedMail[] = [];
  private waiters: Array<() => void> = [];
  private readonly server: SMTPServer;

  constructor(
    readonly user = 'clinic',
    readonly password = 'secret',
  ) {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, done) => {
        if (auth.username === this.user && auth.password === this.password) done(null, { user: auth.username });
        else done(new Error('Invalid username or password'));
      },
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            raw,
            ...parse(raw),
          });
          for (const wake of this.waiters.splice(0)) wake();
          done();
        });
      },
    });
  }

  /** Starts listening on 127.0.0.1; resolves with the port. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  /** The `count`-th mail received (1-based), waiting for it up to 5 s, or fails loudly. */
  async mail(count: number): Promise<ReceivedMail> {
    const deadline = Date.now() + 5_000;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} mails, the SMTP server received ${this.received.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.received[count - 1];
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
