import { describe, expect, it } from "vitest";
import { clientAddress, inRanges, normalizeAddress, parseTrustedProxies } from "./client-address";

function ranges(text: string) {
  const parsed = parseTrustedProxies(text);
  if (!parsed.ok) throw new Error(`malformed: ${parsed.malformed.join(", ")}`);
  return parsed.ranges;
}

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:db8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::ffff:c000:201", "192.0.2.1"],
    ["::1", "::1"],
    ["unknown", null],
    ["<script>", null],
    ["", null],
    ["256.1.1.1", null],
    ["1.2.3", null],
    ["2001:db8::1::2", null],
    ["_hidden", null],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("parseTrustedProxies", () => {
  it("takes addresses and CIDR ranges of both families; empty is none", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ ok: true, ranges: [] });
    expect(parseTrustedProxies(" ")).toEqual({ ok: true, ranges: [] });
    expect(ranges("10.0.0.0/8, 192.0.2.10, 2001:db8::/32, ::1").map((r) => `${r.family}/${r.prefix}`)).toEqual(["4/8", "4/32", "6/32", "6/128"]);
  });
  it.each(["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/8/1", "proxy.example", "10.0.0.0/x", "10.0.0.0/"])("refuses %j", (entry) => {
    expect(parseTrustedProxies(`192.0.2.1, ${entry}`)).toEqual({ ok: false, malformed: [entry] });
  });
});

describe("inRanges", () => {
  const trusted = ranges("10.0.0.0/8, 172.16.0.0/12, 192.0.2.10, 2001:db8:ab::/48");
  it.each([
    ["10.1.2.3", true],
    ["11.0.0.1", false],
    ["172.31.255.255", true],
    ["172.32.0.0", false],
    ["192.0.2.10", true],
    ["192.0.2.11", false],
    ["2001:db8:ab:1::5", true],
    ["2001:db8:ac::5", false],
    ["::ffff:10.0.0.1", false], // canonical form comes first: normalizeAddress makes it 10.0.0.1
  ])("%s → %s", (address, expected) => {
    expect(inRanges(address, trusted)).toBe(expected);
  });
  it("matches an IPv4 range only for IPv4 addresses", () => {
    expect(inRanges("::a00:1", ranges("10.0.0.0/8"))).toBe(false);
    expect(inRanges("10.0.0.1", ranges("::/0"))).toBe(false);
    expect(inRanges("203.0.113.9", ranges("0.0.0.0/0"))).toBe(true);
  });
});

describe("clientAddress", () => {
  const proxies = ranges("10.0.0.0/8, 2001:db8:ff::/48");
  it.each<[string, string | null, string | null, readonly ReturnType<typeof ranges>[number][], string | null]>([
    // No trusted proxies (the default): the forwarded header is never believed.
    ["direct, none trusted", "203.0.113.7", null, [], "203.0.113.7"],
    ["spoofed header, none trusted", "203.0.113.7", "198.51.100.1", [], "203.0.113.7"],
    ["spoofed chain, none trusted", "203.0.113.7", "1.1.1.1, 2.2.2.2, 10.0.0.1", [], "203.0.113.7"],
    // Trusted proxies configured, but this peer is not one of them.
    ["spoofed header from an untrusted peer", "203.0.113.7", "198.51.100.1", proxies, "203.0.113.7"],
    ["untrusted IPv4-mapped peer", "::ffff:203.0.113.7", "198.51.100.1", proxies, "203.0.113.7"],
    // Behind a trusted proxy: the rightmost address that is not a trusted proxy.
    ["one trusted proxy", "10.0.0.2", "198.51.100.1", proxies, "198.51.100.1"],
    ["IPv4-mapped trusted peer", "::ffff:10.0.0.2", "198.51.100.1", proxies, "198.51.100.1"],
    ["client's forged entries left of the real one", "10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.1", proxies, "198.51.100.1"],
    ["two trusted hops", "10.0.0.2", "1.1.1.1, 198.51.100.1, 10.9.9.9", proxies, "198.51.100.1"],
    ["IPv6 client behind IPv6 proxies", "2001:db8:ff::1", "2001:db8:1::99, 2001:db8:ff::2", proxies, "2001:db8:1::99"],
    ["bracketed entry with a port", "10.0.0.2", "[2001:db8:1::99]:5555", proxies, "2001:db8:1::99"],
    ["client forging a trusted address", "10.0.0.2", "10.0.0.77, 198.51.100.1", proxies, "198.51.100.1"],
    // Trusted proxy, odd headers.
    ["no forwarded header: the proxy itself", "10.0.0.2", null, proxies, "10.0.0.2"],
    ["only trusted hops: the leftmost", "10.0.0.2", "10.0.0.5, 10.0.0.6", proxies, "10.0.0.5"],
    ["malformed entry stops the walk at the hop that wrote it", "10.0.0.2", "198.51.100.1, unknown", proxies, "10.0.0.2"],
    ["malformed entries left of the client are never read", "10.0.0.2", "<script>, 198.51.100.1", proxies, "198.51.100.1"],
    ["empty entries are skipped", "10.0.0.2", "198.51.100.1, , ", proxies, "198.51.100.1"],
    // No peer: the request did not come through the portal's server.
    ["no peer", null, "198.51.100.1", proxies, null],
    ["malformed peer", "garbage", "198.51.100.1", proxies, null],
  ])("%s", (_name, peer, forwardedFor, trusted, expected) => {
    expect(clientAddress({ peer, forwardedFor, trusted })).toBe(expected);
  });
});
