import { randomUuid } from './random-uuid.ts';

const storageKey = 'petawarga:device-id';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Where storage is refused (some private modes), the id lasts as long as the page.
let inMemory: string | undefined;

/**
 * A random id kept on this device and sent as X-Device-Id with every write. It identifies no
 * one; it lets the server count the phones behind one carrier address apart, so that a
 * neighbour's burst of reports holds back only theirs (server/src/rate-limit/client.ts).
 */
export function deviceId(): string {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && uuidPattern.test(stored)) return stored;
    const id = randomUuid();
    localStorage.setItem(storageKey, id);
    return id;
  } catch {
    inMemory ??= randomUuid();
    return inMemory;
  }
}
