/**
 * Why a backup or restore stopped, with a stable code the commands print and end with status 1.
 * Not an HTTP error: nothing here answers a request, so it stays out of the API's catalogue.
 */
export class BackupError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
