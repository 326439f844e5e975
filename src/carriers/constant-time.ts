import { timingSafeEqual } from "node:crypto";

/** Compares two signatures in constant time; unequal lengths are rejected up front. */
export function constantTimeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
