import type { EventSource } from "../../generated/prisma/enums.ts";
import type { EventLocation } from "../vocabulary/index.ts";
import {
  SUBSTATUSES_BY_STATUS,
  statusOfSubstatus,
  type TrackingStatus,
  type TrackingSubstatus,
} from "../vocabulary/index.ts";
import type { IngestEvent } from "./ingest.ts";
import { type UserError, userError } from "./user-error.ts";
import type { ZonedTime } from "./zoned-time.ts";

export interface EventInput {
  occurredAt: ZonedTime;
  status?: TrackingStatus | null;
  substatus?: TrackingSubstatus | null;
  rawCode?: string | null;
  rawDescription?: string | null;
  location?: EventLocation | null;
  /** False when status is a code table's fallback guess (see IngestEvent.codeKnown). */
  codeKnown?: boolean;
  /** The carrier that scanned, when not the shipment's. */
  carrier?: string | null;
}

/** What a carrier's code table says a raw code means; null when the code is not in it. */
export type CodeLookup = (
  carrier: string,
  rawCode: string,
  rawDescription: string,
) => { status: TrackingStatus; substatus: TrackingSubstatus | null } | null;

/** Carriers' clocks drift and time zones get mislabelled; a day either way is tolerated. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Checks one event of a batch; returns the event to ingest or the errors naming what is wrong,
 * so one bad event never rejects its neighbours.
 */
export function checkEventInput(
  input: EventInput,
  context: {
    carrier: string;
    field: string;
    now: Date;
    /** When the order was placed: a scan days before it belongs to another parcel. */
    orderPlacedAt?: Date;
    source: EventSource;
    lookup: CodeLookup;
  },
): { event: IngestEvent } | { errors: UserError[] } {
  const { field } = context;
  const errors: UserError[] = [];
  const rawCode = input.rawCode?.trim() ?? "";
  const rawDescription = input.rawDescription?.trim() ?? "";
  let status = input.status ?? null;
  let substatus = input.substatus ?? null;

  if (input.occurredAt.instant.getTime() > context.now.getTime() + FUTURE_TOLERANCE_MS) {
    errors.push(
      userError(
        "FUTURE_EVENT",
        "occurredAt is more than a day in the future",
        `${field}.occurredAt`,
      ),
    );
  }
  const placedAt = context.orderPlacedAt;
  if (placedAt && input.occurredAt.instant.getTime() < placedAt.getTime() - FUTURE_TOLERANCE_MS) {
    errors.push(
      userError(
        "EVENT_BEFORE_ORDER",
        `occurredAt is more than a day before the order was placed (${placedAt.toISOString()}): a reused or mistyped tracking number?`,
        `${field}.occurredAt`,
      ),
    );
  }
  if (!status && substatus) status = statusOfSubstatus(substatus);
  if (!status) {
    const codeCarrier = input.carrier?.trim().toLowerCase() || context.carrier;
    const meaning = rawCode ? context.lookup(codeCarrier, rawCode, rawDescription) : null;
    if (meaning) {
      status = meaning.status;
      substatus = meaning.substatus;
    } else {
      errors.push(
        userError(
          "UNKNOWN_RAW_CODE",
          rawCode
            ? `status is missing and ${codeCarrier} code "${rawCode}" is not in its code table`
            : "status is missing and there is no rawCode to map it from",
          `${field}.${rawCode ? "rawCode" : "status"}`,
        ),
      );
    }
  }
  if (
    status &&
    substatus &&
    !(SUBSTATUSES_BY_STATUS[status] as readonly string[]).includes(substatus)
  ) {
    errors.push(
      userError(
        "INVALID_SUBSTATUS",
        `substatus ${substatus} does not belong to status ${status}`,
        `${field}.substatus`,
      ),
    );
  }
  errors.push(...checkLocation(input.location, `${field}.location`));
  if (errors.length > 0 || !status) return { errors };
  return {
    event: {
      occurredAt: input.occurredAt,
      status,
      substatus,
      rawCode: rawCode || substatus || status,
      rawDescription,
      location: normalizeLocation(input.location),
      source: context.source,
      codeKnown: input.codeKnown ?? true,
      carrier: input.carrier?.trim().toLowerCase() || null,
    },
  };
}

function checkLocation(location: EventLocation | null | undefined, field: string): UserError[] {
  if (!location) return [];
  const errors: UserError[] = [];
  const country = location.countryCode?.trim();
  if (country && !/^[A-Za-z]{2}$/.test(country)) {
    errors.push(
      userError(
        "INVALID_COUNTRY_CODE",
        `countryCode "${country}" is not an ISO 3166-1 alpha-2 code`,
        `${field}.countryCode`,
      ),
    );
  }
  const { latitude, longitude } = location;
  if (latitude != null && (latitude < -90 || latitude > 90)) {
    errors.push(
      userError("INVALID_COORDINATES", "latitude must be within -90..90", `${field}.latitude`),
    );
  }
  if (longitude != null && (longitude < -180 || longitude > 180)) {
    errors.push(
      userError("INVALID_COORDINATES", "longitude must be within -180..180", `${field}.longitude`),
    );
  }
  return errors;
}

function normalizeLocation(location: EventLocation | null | undefined): EventLocation | null {
  if (!location) return null;
  const clean = (value: string | null | undefined) => value?.trim() || null;
  return {
    city: clean(location.city),
    region: clean(location.region),
    postalCode: clean(location.postalCode),
    countryCode: clean(location.countryCode)?.toUpperCase() ?? null,
    latitude: location.latitude ?? null,
    longitude: location.longitude ?? null,
  };
}
