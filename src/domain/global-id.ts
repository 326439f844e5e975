/**
 * A row's Relay global id, as the GraphQL API shows it (Pothos' default encoding: base64 of
 * "Type:id"), for texts that leave the API, such as outbound webhook payloads.
 */
export function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString("base64");
}
