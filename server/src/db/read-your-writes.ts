import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from './database.ts';
import { formatLsn, parseLsn } from './replica.ts';

/** Holds the primary's WAL position after the client's last write. */
export const writePositionCookie = 'pw_wal';

/**
 * Read-your-writes with a replica: every successful write answers with the primary's WAL
 * position in a cookie, and a public read carrying it goes to the replica only once the replica
 * has replayed that far (ReadReplica.after), else to the primary. So a resident who has just
 * submitted a report sees it in the list and on its page, whichever instance answers.
 * Without a replica nothing is added.
 */
export function rememberWritePositions(app: FastifyInstance): void {
  if (!app.reads.replica) return;
  const secure = app.config.publicBaseUrl.startsWith('https:');
  app.addHook('onSend', async (request, reply, payload) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || reply.statusCode >= 400) return payload;
    // The write has committed: failing its answer now would invite a retry, so without a
    // position the client goes without the cookie (a report page still falls back to the primary).
    const lsn = await app.reads.writePosition().catch((error: Error) => {
      request.log.warn(`no WAL position for the read-your-writes cookie: ${error.message}`);
      return undefined;
    });
    // @fastify/cookie writes reply.setCookie in its own onSend hook, which has run by now.
    // Five minutes is far beyond a healthy replica's lag; after it the client reads like anyone.
    if (lsn !== undefined) {
      reply.header('set-cookie', app.serializeCookie(writePositionCookie, formatLsn(lsn), {
        path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 300,
      }));
    }
    return payload;
  });
}

/** The database for a public read by this client; X-Read-From tells which one answered. */
export async function publicReadDb(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<Database> {
  const path = await app.reads.after(parseLsn(request.cookies[writePositionCookie]));
  reply.header('x-read-from', path.from);
  return path.db;
}
