/**
 * Which push endpoints the server may send to: PUSH_ALLOWED_HOSTS, so that a subscription
 * cannot turn the server into a client of any URL (SSRF).
 */

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

/**
 * Whether `endpoint` points at an allowed host. Entries are `host` (the scheme's default port
 * only), `host:port`, or `*.domain` (any subdomain of domain, not domain itself, default port).
 * Plain http is allowed only to loopback hosts, which only tests list.
 */
export function isAllowedPushEndpoint(endpoint: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORTS[url.protocol];
  return allowed.some((raw) => {
    const entry = raw.trim().toLowerCase();
    const colon = entry.lastIndexOf(':');
    const [name, entryPort] =
      colon > 0 && /^\d+$/.test(entry.slice(colon + 1))
        ? [entry.slice(0, colon), entry.slice(colon + 1)]
        : [entry, DEFAULT_PORTS[url.protocol]];
    if (entryPort !== port) return false;
    if (name.startsWith('*.')) {
      const domain = name.slice(2);
      return host.endsWith(`.${domain}`) && host.length > domain.length + 1;
    }
    return host === name;
  });
}
