export const STORES: string;
export const SHIPMENTS: string;
export const EVENTS: string;
export const EXCEPTIONS: string;
export const TIMELINE: string;
