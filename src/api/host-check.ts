/**
 * The Host header allow-list: a defence against DNS rebinding, where a web page on evil.example
 * makes its own name resolve to 127.0.0.1 and then reads this API as a same-origin page. The
 * browser still sends `Host: evil.example`, which no local name matches.
 *
 * Allowed whatever the settings: localhost (and names under .localhost, which browsers resolve to
 * the loopback themselves), 127.0.0.1, [::1], the address the server was bound to (unless a
 * wildcard) and the local address the request came in on (a LAN address, a container's). Any port.
 * `extra` (CANCU_ALLOWED_HOSTS) adds exact names, `.example.org` for a domain and its subdomains,
 * or `*` for any host (a proxy in front checks it).
 */
export type HostCheck = (host: string | undefined, localAddress: string | undefined) => boolean;

const wildcardAddresses = new Set(["0.0.0.0", "[::]", ""]);

/** `name` or `[v6]` in lower case, without port or trailing dot; null when it is not a host. */
export function hostName(header: string): string | null {
  const value = header.trim().toLowerCase();
  let name: string;
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    if (end < 0) return null;
    const rest = value.slice(end + 1);
    if (rest !== "" && !/^:\d*$/.test(rest)) return null;
    name = value.slice(0, end + 1);
  } else {
    const parts = value.split(":");
    if (parts.length > 2 || (parts.length === 2 && !/^\d*$/.test(parts[1]!))) return null;
    name = parts[0]!;
  }
  name = name.replace(/\.$/, "");
  return name === "" ? null : name;
}

/** An address as a Host header names it: IPv4 as is (also when IPv4-mapped), IPv6 in brackets. */
export function addressAsHost(address: string): string {
  const plain = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (plain.startsWith("[")) return plain;
  return plain.includes(":") ? `[${plain}]` : plain;
}

export function hostCheck(extra: readonly string[], boundHost: () => string | undefined): HostCheck {
  if (extra.includes("*")) return () => true;
  const exact = new Set(["localhost", "127.0.0.1", "[::1]"]);
  const suffixes: string[] = [".localhost"];
  for (const entry of extra) {
    if (entry.startsWith(".")) {
      suffixes.push(entry);
      exact.add(entry.slice(1));
    } else {
      const name = hostName(entry);
      if (name) exact.add(name);
    }
  }
  return (header, localAddress) => {
    // a request without Host is HTTP/1.0 or a hand-written client, never a browser
    if (header === undefined) return true;
    const name = hostName(header);
    if (name === null) return false;
    if (exact.has(name) || suffixes.some((suffix) => name.endsWith(suffix))) return true;
    const bound = boundHost();
    if (bound !== undefined) {
      const boundName = addressAsHost(bound);
      if (!wildcardAddresses.has(boundName) && name === boundName) return true;
    }
    return localAddress !== undefined && name === addressAsHost(localAddress);
  };
}
