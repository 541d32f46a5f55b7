import { Type, type Static } from 'typebox';
import Value from 'typebox/value';
import path from 'node:path';

// Every setting the server reads from its environment, validated once at start-up.
// Nothing else in the code base reads process.env.
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_READ_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  TRUST_PROXY: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F.:/]+(\\s*,\\s*[0-9a-fA-F.:/]+)*$' })),
  DATA_DIR: Type.String({ minLength: 1, default: '.data' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  SENSITIVE_GRID_M: Type.Integer({ minimum: 10, maximum: 10000, default: 250 }),
  DEMO_REPORTS: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 3000 }),
  MODERATE_ALL: Type.Boolean({ default: false }),
  SOURCE_BURST_LIMIT: Type.Integer({ minimum: 1, maximum: 100000, default: 5 }),
  ADDRESS_BURST_LIMIT: Type.Integer({ minimum: 1, maximum: 1000000, default: 60 }),
  DEVICE_WRITE_LIMIT: Type.Integer({ minimum: 1, maximum: 1000000, default: 20 }),
  ADDRESS_WRITE_LIMIT: Type.Integer({ minimum: 1, maximum: 1000000, default: 600 }),
  ANALYTICS_COMPUTE_BUDGET: Type.Integer({ minimum: 1, maximum: 1000000, default: 10 }),
  REOPEN_WINDOW_DAYS: Type.Integer({ minimum: 0, maximum: 365, default: 14 }),
  DUPLICATE_RADIUS_M: Type.Number({ minimum: 1, maximum: 1000, default: 50 }),
  DUPLICATE_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  SMS_GATEWAY_DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  PUBLIC_BASE_URL: Type.String({ pattern: '^https?://[^/]+$', default: 'http://localhost:3000' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://[^/]+' })),
  MAIL_FROM: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
});

type RawConfig = Static<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL/PostGIS connection; absent means the embedded database in dataDir. */
  databaseUrl?: string;
  /** A streaming replica of DATABASE_URL for public reads (docs/scaling.md); absent: all reads on the primary. */
  databaseReadUrl?: string;
  /**
   * Addresses or CIDR ranges of the load balancers in front, comma-separated: the client address
   * (rate limits, burst screening) is then read from X-Forwarded-For as they forward it.
   */
  trustProxy?: string;
  /** Embedded database files and uploaded photos live here. */
  dataDir: string;
  logLevel: RawConfig['LOG_LEVEL'];
  /** How many synthetic reports to seed when the database has none (0 disables). */
  demoReports: number;
  /** Hold every report for a moderator, not only the flagged ones. */
  moderateAll: boolean;
  /**
   * More reports than this from one device (its X-Device-Id, else its address and browser) or
   * SMS number within 10 minutes are held for a moderator.
   */
  sourceBurstLimit: number;
  /**
   * More reports than this from one network address within 10 minutes are held: far above
   * sourceBurstLimit, because a carrier puts thousands of phones behind one address.
   */
  addressBurstLimit: number;
  /** Public writes (reports, support, reopen) one device may make per route in 10 minutes; more are refused (429). */
  deviceWriteLimit: number;
  /** The same for one network address, whatever the devices: the ceiling for abusive rates only. */
  addressWriteLimit: number;
  /** Uncached analytics computations one address may start per minute; more are refused (429). */
  analyticsComputeBudget: number;
  /** Days after resolution in which the reporter may reopen a report. */
  reopenWindowDays: number;
  /** Open reports of the same category this near (metres) and recent (days) are offered as duplicates. */
  duplicateRadiusM: number;
  duplicateWindowDays: number;
  /** Gammu SMSD's database; when set the server polls its inbox and replies (server/src/sms/). */
  smsGatewayDatabaseUrl?: string;
  /** Where residents reach the app (links in messages); https makes session cookies Secure. */
  publicBaseUrl: string;
  /** SMTP relay for e-mail notifications (smtp:// or smtps://, credentials in the URL); absent turns e-mail off. */
  smtpUrl?: string;
  /** The From of notification e-mails, e.g. "PetaWarga <noreply@tangerangkota.go.id>"; required with SMTP_URL. */
  mailFrom?: string;
  /**
   * Side in metres of the grid squares whose centre stands for a report of a sensitive category
   * in every public output (db/functions/public_location_of.sql); staff see the exact point.
   */
  sensitiveGridM: number;
  /** Built web app (vite output); served at / when present. */
  webDistDir: string;
}

export class ConfigError extends Error {}

const projectRoot = path.resolve(import.meta.dirname, '../..');

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(ConfigSchema.properties);
  const raw: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const problems = Value.Errors(ConfigSchema, converted).map((e) => {
    const key = e.instancePath.slice(1);
    return `${key || 'config'}: ${e.message}${key ? ` (got ${JSON.stringify(raw[key])})` : ''}`;
  });
  // A relay refuses, or files as spam, mail from an address it was not told about.
  if (raw.SMTP_URL !== undefined && raw.MAIL_FROM === undefined) {
    problems.push('MAIL_FROM: required when SMTP_URL is set (e.g. "PetaWarga <noreply@tangerangkota.go.id>")');
  }
  // A replica of the embedded database cannot exist; a lone replica would take no writes.
  if (raw.DATABASE_READ_URL !== undefined && raw.DATABASE_URL === undefined) {
    problems.push('DATABASE_READ_URL: only with DATABASE_URL (the primary it replicates)');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = converted as RawConfig;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databaseReadUrl: c.DATABASE_READ_URL,
    trustProxy: c.TRUST_PROXY,
    dataDir: path.resolve(projectRoot, c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    demoReports: c.DEMO_REPORTS,
    publicBaseUrl: c.PUBLIC_BASE_URL,
    smsGatewayDatabaseUrl: c.SMS_GATEWAY_DATABASE_URL,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    moderateAll: c.MODERATE_ALL,
    sourceBurstLimit: c.SOURCE_BURST_LIMIT,
    addressBurstLimit: c.ADDRESS_BURST_LIMIT,
    deviceWriteLimit: c.DEVICE_WRITE_LIMIT,
    addressWriteLimit: c.ADDRESS_WRITE_LIMIT,
    analyticsComputeBudget: c.ANALYTICS_COMPUTE_BUDGET,
    reopenWindowDays: c.REOPEN_WINDOW_DAYS,
    duplicateRadiusM: c.DUPLICATE_RADIUS_M,
    duplicateWindowDays: c.DUPLICATE_WINDOW_DAYS,
    sensitiveGridM: c.SENSITIVE_GRID_M,
    webDistDir: path.join(projectRoot, 'web/dist'),
  };
}
