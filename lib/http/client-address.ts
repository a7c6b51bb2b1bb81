import { isIP } from "node:net";

// The client's address as the portal's own HTTP server saw it (docs/decisions/030). The server
// (scripts/server.mjs) writes the socket's peer address into PEER_ADDRESS_HEADER on every request,
// replacing any copy a client sent; `x-forwarded-for` counts only when that peer is one of the
// configured proxies (TRUSTED_PROXIES), and then only from the right: the client is the rightmost
// address that is not a trusted proxy. Everything here is pure, for the unit tests' table.

/** Set by scripts/server.mjs from `req.socket.remoteAddress`; a client's own copy is replaced. */
export const PEER_ADDRESS_HEADER = "x-anju-peer-address";

export interface AddressRange {
  family: 4 | 6;
  /** The network's address as 4 or 16 bytes. */
  bytes: Uint8Array;
  prefix: number;
}

function v4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split(".").map(Number));
}

function v6Bytes(text: string): Uint8Array {
  let s = text;
  // A dotted IPv4 tail (::ffff:192.0.2.1) becomes two hextets.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const b = v4Bytes(dotted[1]!);
    s = `${s.slice(0, -dotted[1]!.length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") as [string, string] : [s, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === null ? [] : new Array<string>(8 - left.length - right.length).fill("0");
  const groups = [...left, ...fill, ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/**
 * One address in canonical form, or null when it is not an address. IPv4-mapped IPv6
 * (::ffff:192.0.2.1) is its IPv4 address; a zone (%eth0) is dropped; `[v6]` and `[v6]:port` and
 * `v4:port` (as some proxies write them) lose the brackets and the port.
 */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim();
  if (text.length === 0 || text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[0-9A-Za-z._-]+$/, "");
  const family = isIP(text);
  if (family === 4) return v4Bytes(text).join(".");
  if (family !== 6) return null;
  const bytes = v6Bytes(text.toLowerCase());
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return Array.from(bytes.slice(12)).join(".");
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== "0") { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  if (best < 0) return groups.join(":");
  return `${groups.slice(0, best).join(":")}::${groups.slice(best + bestLen).join(":")}`;
}

/** One entry of TRUSTED_PROXIES: an address or a CIDR range, v4 or v6; null when malformed. */
export function parseRange(entry: string): AddressRange | null {
  const [addressText, prefixText, extra] = entry.trim().split("/");
  if (extra !== undefined || !addressText) return null;
  const address = normalizeAddress(addressText);
  if (!address) return null;
  const family = isIP(address) as 4 | 6;
  const max = family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { family, bytes: family === 4 ? v4Bytes(address) : v6Bytes(address), prefix };
}

/** TRUSTED_PROXIES as text ("10.0.0.0/8, 2001:db8::1"), or the malformed entries. */
export function parseTrustedProxies(text: string | undefined): { ok: true; ranges: AddressRange[] } | { ok: false; malformed: string[] } {
  const entries = (text ?? "").split(",").map((e) => e.trim()).filter((e) => e.length > 0);
  const ranges: AddressRange[] = [];
  const malformed: string[] = [];
  for (const entry of entries) {
    const range = parseRange(entry);
    if (range) ranges.push(range);
    else malformed.push(entry);
  }
  return malformed.length > 0 ? { ok: false, malformed } : { ok: true, ranges };
}

/** Whether a canonical address (normalizeAddress) lies in one of the ranges. */
export function inRanges(address: string, ranges: readonly AddressRange[]): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const bytes = family === 4 ? v4Bytes(address) : v6Bytes(address);
  return ranges.some((range) => {
    if (range.family !== family) return false;
    let bits = range.prefix;
    for (let i = 0; bits > 0; i++, bits -= 8) {
      const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((bytes[i]! & mask) !== (range.bytes[i]! & mask)) return false;
    }
    return true;
  });
}

/**
 * The client's address: the peer itself unless the peer is a trusted proxy; then walking
 * `x-forwarded-for` from the right, skipping trusted proxies, the first address that is not one.
 * An entry that is not an address stops the walk (the hop that wrote it is the last one known),
 * and a chain of trusted proxies only gives its leftmost entry. Null without a usable peer.
 */
export function clientAddress(input: { peer: string | null | undefined; forwardedFor: string | null | undefined; trusted: readonly AddressRange[] }): string | null {
  const peer = input.peer ? normalizeAddress(input.peer) : null;
  if (!peer) return null;
  if (!inRanges(peer, input.trusted)) return peer;
  let client = peer;
  const hops = (input.forwardedFor ?? "").split(",").map((h) => h.trim()).filter((h) => h.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!);
    if (!hop) break;
    client = hop;
    if (!inRanges(hop, input.trusted)) break;
  }
  return client;
}
