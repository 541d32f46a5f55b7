import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../http/app-error.ts';
import { appError } from '../http/error-catalogue.ts';
import { listHolidays } from './holidays.ts';
import { onTimeRates } from './on-time.ts';

const Holiday = Type.Object({
  date: Type.String({ format: 'date' }),
  name_id: Type.String(),
  name_en: Type.String(),
  kind: Type.Union([Type.Literal('national'), Type.Literal('cuti_bersama')]),
  source: Type.String({ description: "The decree that set the day, or 'provisional'" }),
});

const count = Type.Integer({ minimum: 0 });
const OnTimeRow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  city_code: Type.String(),
  reports_with_deadline: count,
  resolved_on_time: count,
  resolved_late: count,
  open_overdue: count,
  open_not_yet_due: count,
  referred: Type.Integer({ minimum: 0, description: 'Referred to another agency: counted apart, not in the rate' }),
  cannot_fix: Type.Integer({ minimum: 0, description: 'Found impossible to fix: counted apart, not in the rate' }),
  no_action_needed: Type.Integer({ minimum: 0, description: 'Found to need no action: counted apart, not in the rate' }),
  on_time_rate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
});

// Years of reports only: PostgreSQL has no year 0000, and 9999-12-31 plus a day overflows.
const day = (description: string) => Type.Optional(Type.String({ format: 'date', pattern: '^(19|2[01])\\d{2}-', description }));
const dayMs = 24 * 3600 * 1000;
// WIB is UTC+7 all year (no daylight saving), so today's WIB date is the UTC date 7 hours on.
const todayInJakarta = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10);

export const deadlineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/holidays', {
    schema: {
      tags: ['deadlines'],
      summary: 'Non-working days of a year (national holidays and cuti bersama), which deadlines skip',
      querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ year: Type.Integer(), holidays: Type.Array(Holiday) }), 400: ErrorResponse },
    },
  }, async (request) => {
    const { year } = request.query;
    return { year, holidays: await listHolidays(app.db, year) };
  });

  app.get('/api/deadlines/on-time', {
    schema: {
      tags: ['deadlines'],
      summary: 'On-time rate of reports per department or kelurahan (aggregates only, no personal data)',
      description:
        'Reports submitted from `since` to `until` (WIB days, both included; by default the 90 days ' +
        'up to today), as of now. on_time_rate = resolved_on_time / (resolved_on_time + resolved_late ' +
        '+ open_overdue); reports open and not yet due are not counted in it, nor those referred to another ' +
        'agency, found impossible to fix or found to need no action, which have their own counts.',
      querystring: Type.Object({
        group: Type.Union([Type.Literal('department'), Type.Literal('kelurahan')]),
        since: day('First day, YYYY-MM-DD (WIB)'),
        until: day('Last day, YYYY-MM-DD (WIB)'),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          group: Type.String(),
          since: Type.String({ format: 'date' }),
          until: Type.String({ format: 'date' }),
          as_of: Type.String({ format: 'date-time' }),
          rows: Type.Array(OnTimeRow),
        }),
        400: ErrorResponse,
      },
    },
  }, async (request) => {
    const { group } = request.query;
    const until = request.query.until ?? todayInJakarta();
    const since = request.query.since ?? daysBefore(until, 89);
    if (since > until) {
      throw appError('INVALID_PERIOD', { details: [{ field: 'querystring.since', problem: `${since} is after ${until}` }] });
    }
    const asOf = new Date();
    const rows = await onTimeRates(app.db, { group, since, until, asOf });
    return { group, since, until, as_of: asOf.toISOString(), rows };
  });
};
