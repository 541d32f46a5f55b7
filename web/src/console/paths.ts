// The console's pages. /console.html is the entry file itself, opened directly when the server
// does not map /console to it: it is the inbox.
export type ConsolePage =
  | { page: 'inbox' }
  | { page: 'report'; code: string }
  | { page: 'moderation' }
  | { page: 'intake' }
  | { page: 'api-keys' }
  | { page: 'routing' }
  | { page: 'supervisors' }
  | { page: 'service' }
  | { page: 'receipt'; code: string }
  | { page: 'not-found' };

export function pageAt(path: string): ConsolePage {
  if (path === '/console' || path === '/console/' || path === '/console.html') return { page: 'inbox' };
  if (path === '/console/moderation') return { page: 'moderation' };
  if (path === '/console/intake') return { page: 'intake' };
  if (path === '/console/api-keys') return { page: 'api-keys' };
  if (path === '/console/routing') return { page: 'routing' };
  if (path === '/console/supervisors') return { page: 'supervisors' };
  if (path === '/console/service') return { page: 'service' };
  const report = /^\/console\/r\/([^/]+)$/.exec(path);
  if (report) return { page: 'report', code: decodeURIComponent(report[1]) };
  const receipt = /^\/console\/receipt\/([^/]+)$/.exec(path);
  if (receipt) return { page: 'receipt', code: decodeURIComponent(receipt[1]) };
  return { page: 'not-found' };
}

export const reportPath = (code: string) => `/console/r/${encodeURIComponent(code)}`;
export const receiptPath = (code: string) => `/console/receipt/${encodeURIComponent(code)}`;
