import ipaddr from "ipaddr.js";

/**
 * Where outbound webhooks may go (SSRF, decision 037): public unicast addresses only, unless
 * the operator allows a host or range (TRACKLINE_WEBHOOK_ALLOW_HOSTS, "hooks.internal,10.0.0.0/8").
 */
export interface TargetAllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const NO_ALLOWED_TARGETS: TargetAllowList = { hosts: new Set(), ranges: [] };

/** Reads a comma-separated list of host names, addresses and CIDR ranges; throws on a bad range. */
export function parseAllowList(text: string | undefined): TargetAllowList {
  const hosts = new Set<string>();
  const ranges: TargetAllowList["ranges"][number][] = [];
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.includes("/")) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) ranges.push(ipaddr.parseCIDR(`${entry}/${single(entry)}`));
    else hosts.add(entry);
  }
  return { hosts, ranges };
}

const single = (address: string) => (ipaddr.parse(address).kind() === "ipv4" ? 32 : 128);

/** Why an address may not be called, or null when it may. */
export function blockedAddress(address: string, allow: TargetAllowList): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  if (allow.ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) {
    return null;
  }
  const range = ip.range();
  return range === "unicast" ? null : `${address} is a ${range} address`;
}

/** Checks a webhook URL's shape; returns the URL, or why it cannot be used. */
export function parseTargetUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "not an absolute URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be http or https";
  if (url.username || url.password) return "must not carry credentials";
  if (text.length > MAX_URL_LENGTH) return `longer than ${MAX_URL_LENGTH} characters`;
  return url;
}

export const MAX_URL_LENGTH = 2048;

/** The URL's host as an address when it is one (brackets of IPv6 removed). */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(host) ? host : null;
}
