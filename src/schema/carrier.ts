import type { CarrierInfo, FormatInfo } from "../carriers/tracking-numbers/index.ts";
import { LIST_CAPS } from "../domain/input-limits.ts";
import { unmappedCarrierCodes } from "../domain/unmapped-codes.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";

/** A carrier as seen from one parcel: the tracking URL needs the number, when there is one. */
export interface CarrierView {
  info: CarrierInfo;
  trackingNumber: string | null;
}

/** A code we have no directory entry for still shows up, named by its code, with no URL. */
export function carrierView(
  ctx: Context,
  code: string,
  trackingNumber: string | null,
): CarrierView {
  const info = ctx.carriers.find(code) ?? {
    code,
    name: code,
    trackingUrl: () => null,
    formats: [],
  };
  return { info, trackingNumber };
}

const TrackingFormatRef = builder.objectRef<FormatInfo>("TrackingFormat").implement({
  description: "A tracking-number format a carrier issues.",
  fields: (t) => ({
    id: t.exposeString("id"),
    name: t.exposeString("name"),
    hasCheckDigit: t.exposeBoolean("hasCheckDigit", {
      description: "False: numbers of this format can only be matched by pattern, not verified.",
    }),
    checksum: t.exposeString("checksum", { nullable: true, description: 'e.g. "mod10", "s10"' }),
    example: t.exposeString("example", { nullable: true }),
  }),
});

export const CarrierRef = builder.objectRef<CarrierView>("Carrier").implement({
  fields: (t) => ({
    formats: t.field({ type: [TrackingFormatRef], resolve: ({ info }) => info.formats }),
    code: t.string({ resolve: ({ info }) => info.code }),
    name: t.string({ resolve: ({ info }) => info.name }),
    trackingUrl: t.string({
      nullable: true,
      description: "The carrier's public tracking page for this parcel; null without a number.",
      resolve: ({ info, trackingNumber }) =>
        trackingNumber ? info.trackingUrl(trackingNumber) : null,
    }),
  }),
});

builder.queryField("carriers", (t) =>
  t.field({
    type: [CarrierRef],
    description: "Every carrier whose tracking numbers trackline recognises, with their formats.",
    // 36 carriers today; the cost counts room for more.
    complexity: { field: 1, multiplier: 50 },
    resolve: (_root, _args, ctx) =>
      ctx.carriers.list().map((info) => ({ info, trackingNumber: null })),
  }),
);

const UnmappedCarrierCodeRef = builder
  .objectRef<{ carrier: string; rawCode: string; count: number }>("UnmappedCarrierCode")
  .implement({
    description: "A raw code a carrier sent that its code table does not know yet.",
    fields: (t) => ({
      carrier: t.exposeString("carrier", { description: "Adapter whose table lacks it" }),
      rawCode: t.exposeString("rawCode"),
      count: t.exposeInt("count", { description: "Stored events that carry it" }),
    }),
  });

builder.queryField("unmappedCarrierCodes", (t) =>
  t.field({
    type: [UnmappedCarrierCodeRef],
    description: `Raw codes in the caller's stored events that the carrier tables do not know yet, most frequent first (at most ${LIST_CAPS.unmappedCarrierCodes}).`,
    complexity: { field: 1, multiplier: LIST_CAPS.unmappedCarrierCodes },
    resolve: (_root, _args, ctx) => unmappedCarrierCodes(ctx.db, ctx.viewer.tenantId),
  }),
);
