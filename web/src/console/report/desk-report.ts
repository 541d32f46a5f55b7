/** GET /api/console/reports/:code (server/src/console/detail.ts). */
export interface DeskEvent {
  id: number;
  kind: string;
  actor: string;
  actor_name: string | null;
  old_value: unknown;
  new_value: Record<string, unknown> | null;
  reason: string | null;
  is_public: boolean;
  at: string;
}

export interface DeskReportDetail {
  code: string;
  category: { code: string; name_id: string; name_en: string; color: string; icon: string };
  description: string;
  status: string;
  location: { lat: number; lon: number; is_approximate: boolean };
  address: string | null;
  channel: string;
  kelurahan: { code: string; name: string };
  kecamatan: { code: string; name: string };
  city: { code: string; name: string };
  department: { code: string; name: string; short_name: string };
  created_at: string;
  due_at: string | null;
  resolved_at: string | null;
  overdue: boolean;
  support_count: number;
  moderation_flags: { flags: string[]; evidence: Record<string, string[]> } | null;
  routing_explanation: RoutingExplanation | null;
  photos: { kind: 'before' | 'after'; url: string; thumbnail_url: string; width: number; height: number }[];
  events: DeskEvent[];
  notes: DeskEvent[];
  public_response: string | null;
  reporter: { name: string | null; phone: string | null; email: string | null } | null;
  allowed_transitions: { to: string; needs: 'reason' | 'response' | null }[];
}

export interface RoutingExplanation {
  kelurahan?: { code: string; rule: string; distance_m: number; candidates: string[] };
  department?: {
    code: string; rule: string; category: string;
    matched_rule?: { name: string; priority: number };
    considered?: { rule_id: number; name: string; matched: boolean; department: string }[];
  };
}

/** The URL of a report at the desk; also its key in the query cache. */
export function deskReportUrl(code: string): string {
  return `/api/console/reports/${encodeURIComponent(code)}`;
}
