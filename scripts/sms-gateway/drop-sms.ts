// Makes the dummy phone receive an SMS, as if a resident had sent it: writes the message into
// the phone's inbox folder (sms/1/) in Gammu's backup format, where gammu-smsd picks it up.
//   tsx scripts/sms-gateway/drop-sms.ts [--phone-dir .data/sms-gateway/phone] +6281234567890 LAPOR BANJIR Kel. Sukasari, air selutut
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

// One SMS holds 160 GSM characters; the parts of a longer one 153, after the 6-byte header
// that says "part i of n of message r".
const single = 160;
const perPart = 153;
// The dummy phone reads locations 1…10000 of each folder.
const maxLocation = 10000;

const ucs2Hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
const sentStamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

function backupEntry(m: { from: string; text: string; sentAt: Date; udh?: string }): string {
  return [
    '[SMSBackup000]',
    'SMSC = "+628315000032"',
    'State = UnRead',
    `Number = "${m.from}"`,
    'Coding = Default',
    'Folder = 1',
    `Length = ${m.text.length}`,
    'Class = -1',
    ...(m.udh ? [`UDH = ${m.udh}`] : []),
    `Sent = ${sentStamp(m.sentAt)}`,
    `Text00 = ${ucs2Hex(m.text)}`,
    '',
  ].join('\n');
}

/**
 * Writes the file under a free location. It is written aside first and then hard-linked into
 * place, so gammu-smsd never reads half a file and two drops never take one location.
 */
function place(inbox: string, content: string): string {
  const draft = path.join(inbox, `.draft-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(draft, content);
  try {
    for (let location = 1; location <= maxLocation; location++) {
      const file = path.join(inbox, String(location));
      try {
        fs.linkSync(draft, file);
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`the dummy phone's inbox ${inbox} is full`);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** Drops one SMS (several parts when longer than 160 characters); returns the files written. */
export function dropSms(phoneDir: string, m: { from: string; text: string; sentAt?: Date }): string[] {
  const inbox = path.join(phoneDir, 'sms', '1');
  fs.mkdirSync(inbox, { recursive: true });
  const sentAt = m.sentAt ?? new Date();
  if (m.text.length <= single) return [place(inbox, backupEntry({ from: m.from, text: m.text, sentAt }))];
  const parts = Array.from({ length: Math.ceil(m.text.length / perPart) }, (_, i) => m.text.slice(i * perPart, (i + 1) * perPart));
  const reference = randomInt(256).toString(16).padStart(2, '0').toUpperCase();
  const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  return parts.map((text, i) =>
    place(inbox, backupEntry({ from: m.from, text, sentAt, udh: `050003${reference}${hex(parts.length)}${hex(i + 1)}` })));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ options: { 'phone-dir': { type: 'string' } }, allowPositionals: true });
  const [from, ...words] = positionals;
  if (!from || words.length === 0) {
    console.error('usage: tsx scripts/sms-gateway/drop-sms.ts [--phone-dir DIR] +628… text of the message');
    process.exit(2);
  }
  const files = dropSms(values['phone-dir'] ?? '.data/sms-gateway/phone', { from, text: words.join(' ') });
  console.log(`dropped ${files.length} part(s): ${files.join(', ')}`);
}
