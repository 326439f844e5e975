/** Small guards for reading untrusted carrier payloads without `any`. */

/** A payload that does not have the documented shape; the message names the missing field. */
export class CarrierPayloadError extends Error {
  override readonly name = "CarrierPayloadError";
  constructor(
    readonly carrier: string,
    readonly field: string,
    detail = "is missing or has the wrong type",
  ) {
    super(`${carrier} payload: ${field} ${detail}`);
  }
}

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function asArray(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Strings as-is; finite numbers as their decimal text (carriers mix the two for codes). */
export function asString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A trimmed, non-empty string, or undefined. */
export function asText(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  return text ? text : undefined;
}

export function requireRecord(carrier: string, value: unknown, field: string): JsonRecord {
  const record = asRecord(value);
  if (!record) throw new CarrierPayloadError(carrier, field);
  return record;
}

export function requireArray(carrier: string, value: unknown, field: string): readonly unknown[] {
  const array = asArray(value);
  if (!array) throw new CarrierPayloadError(carrier, field);
  return array;
}

export function requireText(carrier: string, value: unknown, field: string): string {
  const text = asText(value);
  if (text === undefined) throw new CarrierPayloadError(carrier, field);
  return text;
}

/** The records of an array, skipping entries that are not objects. */
export function records(values: readonly unknown[]): JsonRecord[] {
  return values.map(asRecord).filter((r): r is JsonRecord => r !== undefined);
}
