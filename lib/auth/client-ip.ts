/**
 * The client's address from the request headers, for throttling and the audit log.
 *
 * `x-forwarded-for` is only trustworthy behind a reverse proxy that overwrites it; directly exposed,
 * a client can forge it. The account key is throttled regardless, so a forged address only escapes
 * the per-address limit. Returns null when no plausible address is present.
 */
export function clientIpFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim();
  if (!candidate) return null;
  return /^[0-9A-Fa-f:.]{2,45}$/.test(candidate) ? candidate : null;
}
