/** What a notification job carries: which event of which report, never the contact itself. */
export interface NoticeJob {
  reportId: number;
  eventId: number;
}

export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

// pg-boss waits delay × 2^(n-1) × (1 + random) before retry n: with 60 s and 8 retries the last
// one comes 4 to 8½ hours after the first attempt, enough for an SMTP relay or the SMS modem to
// come back after a night's outage. After that the job stays failed in pgboss.job, and the
// delivery row says failed with the last error.
export const notificationRetry: RetryPolicy = { limit: 8, delaySeconds: 60, backoff: true };
