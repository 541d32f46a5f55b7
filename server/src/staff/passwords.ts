import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum for argon2id).
export const hashPassword = (password: string) => hash(password);

export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

// A hash of a password nobody knows, made with the same settings as real ones, so that checking
// a password for an unknown e-mail costs what checking a real account's costs.
let nobodysHash: Promise<string> | undefined;

/** Spends the time of a real password check and answers false: for e-mails with no account. */
export async function verifyAgainstNobody(password: string): Promise<false> {
  nobodysHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await nobodysHash, password);
  return false;
}

/** At least 10 characters: long passphrases beat composition rules (NIST SP 800-63B). */
export const minPasswordLength = 10;
