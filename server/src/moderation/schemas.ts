import { Type, type Static } from 'typebox';

/** reports.moderation_flags: what the screen (screen.ts, decide.ts, db/functions/screen_bursts.sql) found; stored JSON, so kept whole. */
export const ModerationFlags = Type.Union([
  Type.Object({
    flags: Type.Array(Type.String(), { description: 'abusive, promotion, contact_details, repeated_text, unrelated, many_from_source' }),
    evidence: Type.Record(Type.String(), Type.Array(Type.String()), { description: 'The words or patterns that raised each flag' }),
  }, { additionalProperties: true }),
  Type.Null(),
], { description: 'null when the screen found nothing' });

export const HeldReport = Type.Object({
  code: Type.String(),
  category: Type.String(),
  description: Type.String(),
  channel: Type.String(),
  kelurahan: Type.String(),
  kelurahan_name: Type.String(),
  kecamatan_name: Type.String(),
  department: Type.String(),
  department_name: Type.String(),
  moderation_flags: ModerationFlags,
  created_at: Type.String({ format: 'date-time' }),
});
export type HeldReport = Static<typeof HeldReport>;
