/**
 * Typed access to the part of autocannon's programmatic API that bench/api.ts uses.
 * autocannon ships no types and package.json is not ours to change (no @types/autocannon),
 * so it is loaded through createRequire and given the shape its README documents.
 */
import { createRequire } from "node:module";

export interface AutocannonOptions {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  duration?: number;
  /** Worker threads firing requests: the load generator then has its own event loop. */
  workers?: number;
  /** Any response body that differs counts as a mismatch. */
  expectBody?: string;
  timeout?: number;
}

/** hdr-histogram-percentiles-obj, as autocannon reports it. */
export interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
}

export interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  "2xx": number;
  statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return autocannon(options);
}
