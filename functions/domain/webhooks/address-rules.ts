import ipaddr from 'ipaddr.js';

/**
 * Which resolved addresses a webhook may be delivered to (the SSRF guard). A delivery goes only
 * to public unicast addresses: never to loopback, link-local (the instance metadata service at
 * 169.254.169.254 among them), private (RFC 1918), unique-local (fc00::/7), carrier-grade NAT,
 * unspecified, multicast, broadcast or reserved space. IPv6 forms that embed an IPv4 address
 * (mapped, NAT64, 6to4, Teredo) are judged by what they could reach, so they are refused unless
 * plainly IPv4-mapped, which is judged by its IPv4 address.
 *
 * With `allowLoopback` (an explicit setting, off AWS only: functions/shared/env.ts) loopback is
 * allowed too, so tests and `npm start` can deliver to a receiver on this machine.
 */
export interface AddressRules {
  allowLoopback: boolean;
}

const PUBLIC_RANGES = new Set(['unicast']);

/** Why the address is refused, or undefined when a delivery may connect to it. */
export function refusedAddress(address: string, rules: AddressRules): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (PUBLIC_RANGES.has(range)) return undefined;
  if (range === 'loopback' && rules.allowLoopback) return undefined;
  return `${address} is a ${range} address`;
}
