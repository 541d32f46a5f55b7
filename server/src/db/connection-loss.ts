import { sqlState } from './database.ts';

// SQLSTATEs that say the server is out of reach for now, not that the statement was wrong.
const unavailableStates = new Set([
  '57P01', // admin_shutdown: a fast shutdown, or pg_terminate_backend
  '57P02', // crash_shutdown: another backend crashed, every session is ended
  '57P03', // cannot_connect_now: starting up, shutting down or in recovery
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '53300', // too_many_connections
]);

// node-postgres and the socket below it report a lost or refused connection without a SQLSTATE:
// by the socket's code, or only by message.
const socketCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);
const lossMessages = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/, // pg-pool's connectionTimeoutMillis
  /^timeout expired$/, // pg.Client's connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];

function isLossItself(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && socketCodes.has(code)) return true;
  const state = sqlState(error);
  if (state && unavailableStates.has(state)) return true;
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  if (error instanceof AggregateError && error.errors.some(isLossItself)) return true;
  return lossMessages.some((m) => m.test(error.message));
}

/**
 * True when `error`, or an error it wraps (`cause`: a failed tile render keeps the database's
 * error there), means the database could not be reached or dropped the connection. Such a
 * request may succeed when retried; the HTTP answer is 503 with Retry-After.
 */
export function isConnectionLoss(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isLossItself(e)) return true;
  }
  return false;
}
