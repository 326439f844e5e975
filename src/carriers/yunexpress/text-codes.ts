/**
 * Wording -> our "~" code, first match wins: failures and returns are tested before
 * "delivered" because "Delivery failed" and "Returned to sender" contain the same words.
 * Text that matches nothing becomes "~unmatched", which the normalizer counts as unknown.
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/held by customs|customs (hold|detain)|detained by customs/i, "~customs_held"],
  [/returned to (the )?sender|return(ed)? to shipper/i, "~returned"],
  [/return(ing)? to sender|being returned/i, "~returning"],
  [
    /(delivery|deliver) (attempt|failed|unsuccessful)|unable to deliver|attempted delivery/i,
    "~delivery_failed",
  ],
  [/out for delivery/i, "~out_for_delivery"],
  [/(available|ready) for (pick ?up|collection)/i, "~available_for_pickup"],
  [/\bdelivered\b|signed for/i, "~delivered"],
  [
    /handed (over )?to (the )?(last[- ]mile|local|destination) (carrier|courier|post)/i,
    "~handed_to_last_mile",
  ],
  [
    /(import )?customs clearance (completed|complete)|released (by|from) customs/i,
    "~customs_cleared",
  ],
  [/import customs|arrived at (destination )?customs/i, "~import_customs"],
  [/export customs/i, "~export_customs"],
  [/arrived (at|in) (the )?destination (country|airport)/i, "~arrived_destination"],
  [
    /depart(ed|ure) (from )?(the )?(origin|origin country|airport)|flight departed/i,
    "~departed_origin",
  ],
  [/depart(ed|ure) (from )?(the )?facility|left the facility/i, "~departed_facility"],
  [
    /arrived at (the )?(yunexpress )?(facility|sorting center|warehouse)|received by yunexpress/i,
    "~arrived_facility",
  ],
  [/picked up|collected/i, "~picked_up"],
  [/information received|order (data )?received|label created/i, "~info_received"],
  [/in transit/i, "~in_transit"],
];

export function yunexpressTextCode(content: string): string {
  for (const [pattern, code] of RULES) if (pattern.test(content)) return code;
  return "~unmatched";
}
