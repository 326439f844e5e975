export * from "./exception.ts";
export * from "./locale.ts";
export * from "./location.ts";
export * from "./milestone.ts";
export * from "./order-state.ts";
export * from "./sync-state.ts";
export * from "./texts.ts";
export * from "./tracking-status.ts";
