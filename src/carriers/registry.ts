import { fourPx } from "./4px/index.ts";
import { seventeenTrack } from "./17track/index.ts";
import { aftership } from "./aftership/index.ts";
import { cainiao } from "./cainiao/index.ts";
import type { DefinedCarrier } from "./define-carrier.ts";
import { dhl } from "./dhl/index.ts";
import { easypost } from "./easypost/index.ts";
import { fedex } from "./fedex/index.ts";
import type { CarrierAdapter } from "./types.ts";
import { ups } from "./ups/index.ts";
import { usps } from "./usps/index.ts";
import { yunexpress } from "./yunexpress/index.ts";

/** Every carrier and aggregator trackline understands; adding one is one line here. */
export const carrierRegistry: readonly DefinedCarrier[] = [
  ups,
  fedex,
  usps,
  dhl,
  yunexpress,
  cainiao,
  fourPx,
  aftership,
  seventeenTrack,
  easypost,
];

export function findAdapter(code: string): CarrierAdapter | undefined {
  return carrierRegistry.find((adapter) => adapter.code === code);
}
