import { clientAddress, parseTrustedProxies, PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { getEnv } from "@/lib/env";

/**
 * The client's address from the request headers: the one function every address-based limit and
 * the audit log use (docs/decisions/030-client-addresses-and-csp.md).
 *
 * The socket's peer comes from the portal's own server (scripts/server.mjs), which writes it into
 * `x-anju-peer-address` on every request and replaces any copy a client sent. `x-forwarded-for`
 * is believed only when that peer is one of TRUSTED_PROXIES, walked from the right; `x-real-ip` is
 * never believed. Returns null when the request did not come through that server (no peer header).
 */
export function clientIpFrom(headers: Headers): string | null {
  const parsed = parseTrustedProxies(getEnv().TRUSTED_PROXIES);
  return clientAddress({
    peer: headers.get(PEER_ADDRESS_HEADER),
    forwardedFor: headers.get("x-forwarded-for"),
    trusted: parsed.ok ? parsed.ranges : [],
  });
}
