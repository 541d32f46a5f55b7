interface Named {
  code: string;
  name: string;
}

/** GET /api/reports/:code: the public view of a report, never the reporter's details. */
export interface PublicReport {
  code: string;
  category: { code: string; name_id: string; name_en: string; color: string; icon: string };
  description: string;
  status: string;
  location: { lat: number; lon: number };
  accuracy_m: number | null;
  address: string | null;
  kelurahan: Named;
  kecamatan: Named;
  city: Named;
  department: { code: string; name: string; short_name: string };
  created_at: string;
  updated_at: string;
  /** The response deadline, when the category has one. */
  due_at?: string | null;
  /** 'after' photos show the fix; the server publishes them once the report is resolved. */
  photos: { kind?: 'before' | 'after'; url: string; thumbnail_url: string; width: number; height: number }[];
  timeline: { kind: string; status: string | null; at: string; note: string | null }[];
  routing_explanation: RoutingExplanation | null;
  /** Demo data made by the seeder, not a resident's report. */
  is_synthetic?: boolean;
}

/** Why this kelurahan and department got the report (server: routing-rules/route-report.ts). */
export interface RoutingExplanation {
  kelurahan?: { code: string; rule: string; distance_m: number; candidates: string[] };
  department?: {
    code: string;
    rule: string;
    category: string;
    matched_rule?: { name: string };
    feature?: { layer: string; name?: string; distance_m: number };
  };
}

/** The URL of a report's public view; also its key in the query cache. */
export function publicReportUrl(code: string): string {
  return `/api/reports/${encodeURIComponent(code)}`;
}
