import type { TestServer } from "./test-server.ts";

export const HEADER =
  "origin_country,origin_region,origin_postal_code,destination_country,destination_region,destination_postal_code,carrier,service,ordered_at,shipped_at,delivered_at,promised_date";

export interface ImportAnswer {
  importId: string | null;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: { row: number; column: string | null; code: string; message: string }[];
}

/** POSTs a CSV body to /imports/delivery-history. */
export async function postHistory(
  server: TestServer,
  body: string,
  headers: Record<string, string> = {},
  apiKey = server.tenant.apiKey,
): Promise<{ status: number; body: ImportAnswer }> {
  const response = await fetch(server.url.replace("/graphql", "/imports/delivery-history"), {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${apiKey}`, ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer };
}

/**
 * Synthetic history, nothing from real data: `count` parcels on one lane, picked up on
 * weekdays from 2026-06-01, each delivered `businessDays` US business days later (no holidays
 * fall in June to October but Juneteenth, Independence Day and Labor Day, which it skips).
 */
export function laneHistory(
  count: number,
  lane: { from: string; fromRegion: string; to: string; toRegion: string },
  businessDays: number,
  isWorkingDay: (date: Date) => boolean,
): string {
  const lines = [HEADER];
  const day = new Date("2026-06-01T00:00:00Z");
  for (let made = 0; made < count; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (!isWorkingDay(day)) continue;
    const delivered = new Date(day);
    for (let left = businessDays; left > 0; ) {
      delivered.setUTCDate(delivered.getUTCDate() + 1);
      if (isWorkingDay(delivered)) left--;
    }
    const at = (date: Date, time: string) => `${date.toISOString().slice(0, 10)}T${time}-04:00`;
    lines.push(
      [
        lane.from,
        lane.fromRegion,
        "",
        lane.to,
        lane.toRegion,
        "",
        "ups",
        "UPS Ground",
        "",
        at(day, "10:00:00"),
        at(delivered, "15:00:00"),
        "",
      ].join(","),
    );
    made++;
  }
  return `${lines.join("\n")}\n`;
}
