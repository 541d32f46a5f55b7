import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

// A real SMTP server for one test file, on a random loopback port. It can refuse the first
// attempts (to exercise retries) and hold connections (to show who waits for delivery).

export interface ReceivedEmail {
  to: string[];
  subject: string;
  /** The decoded text body. */
  text: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedEmail[];
  /** When each connection was opened (ms since epoch), refused ones included. */
  connections: number[];
  /** Holds new connections at the greeting until release(), as a slow relay would. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Refuse this many attempts: the first at the greeting (421), later ones at RCPT TO (451). */
  refuseFirst?: number;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const received: ReceivedEmail[] = [];
  const connections: number[] = [];
  let refusalsLeft = options.refuseFirst ?? 0;
  let gate = Promise.resolve();
  let openGate = () => undefined as void;
  const refusing = new WeakSet<SMTPServerSession>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      const attempt = connections.push(Date.now());
      const refuseNow = refusalsLeft > 0;
      if (refuseNow) refusalsLeft -= 1;
      void gate.then(() => {
        if (refuseNow && attempt === 1) return callback(smtpError(421, 'Service not available, try again later'));
        if (refuseNow) refusing.add(session);
        callback();
      });
    },
    onRcptTo(address, session, callback) {
      // As real servers do, the refusal quotes the recipient: it must not reach our logs.
      if (refusing.has(session)) return callback(smtpError(451, `<${address.address}>: mailbox busy, try again later`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parse(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connections,
    hold: () => {
      gate = new Promise<void>((resolve) => (openGate = resolve));
    },
    release: () => openGate(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Subject and text of a single-part message as nodemailer writes it (7bit, quoted-printable or base64). */
function parse(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64'
    ? Buffer.from(body, 'base64').toString('utf8')
    : encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : body;
  return { subject: header('Subject'), text: text.replace(/\r\n/g, '\n').trimEnd() };
}
