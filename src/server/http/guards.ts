// Who may talk to the local server (docs/security.md). It binds 127.0.0.1, but a page on any site the
// user visits can still send requests to it. So:
// - every request must carry a well-formed Host naming this machine (DNS rebinding: a hostile name that
//   resolves to 127.0.0.1 would otherwise be "same origin");
// - an API request a browser marks as sent by another site (Sec-Fetch-Site) is refused whatever its
//   method, and one whose Origin is not the console's is refused unless it is a GET or HEAD;
// - GET and HEAD never change anything (the Query protocol refuses writes on them), which covers
//   browsers too old to send Sec-Fetch-Site: their cross-site GETs carry no Origin.
// The AWS CLI, SDKs and curl send neither header and pass.
import type { IncomingHttpHeaders } from 'node:http';
import { hostname } from 'node:os';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/** The Host names this server answers to, given the address it was told to bind. */
export function hostPolicy(bindHost: string): (hostHeader: string | undefined) => boolean {
  const bound = bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost;
  const names = new Set([...LOOPBACK_NAMES, bound.toLowerCase()]);
  const anyAddress = WILDCARD_BINDS.has(bindHost);
  const machine = hostname().toLowerCase();
  return (hostHeader) => {
    // HTTP/1.0 clients may send no Host at all; they are not browsers.
    if (!hostHeader) return true;
    const name = hostHeader.toLowerCase().replace(/:\d+$/, '');
    if (names.has(name)) return true;
    // Bound to every interface on purpose (--host 0.0.0.0): the machine's addresses and names.
    return anyAddress && (IP_LITERAL.test(name) || name === machine || name === `${machine}.local`);
  };
}

/** A Host header: a name, an IPv4 address or a bracketed IPv6 address, and an optional port 1–65535. */
const HOST_HEADER =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** Whether a Host header is well formed (absent counts: HTTP/1.0 clients send none). */
export function isWellFormedHost(hostHeader: string | undefined): boolean {
  if (hostHeader === undefined) return true;
  const match = HOST_HEADER.exec(hostHeader);
  if (!match) return false;
  const port = match[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65_535);
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const SAME_ORIGIN_FETCH = new Set(['same-origin', 'none']);

/**
 * Why an API request (/aws, /trailview/…) is refused as coming from another site, or undefined when it
 * may be served. `same-site` is refused too: another port on localhost is the same site.
 */
export function crossOriginRefusal(method: string, headers: IncomingHttpHeaders): string | undefined {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && !SAME_ORIGIN_FETCH.has(site)) {
    return `A ${site} page may not send requests to this server's API; use the console it serves.`;
  }
  if (SAFE_METHODS.has(method)) return undefined;
  const origin = headers.origin;
  // No Origin: the AWS CLI, SDKs and curl. Browsers always send one on POST, PUT and DELETE.
  if (origin === undefined) return undefined;
  if (origin !== `http://${headers.host ?? ''}`) {
    return `Requests from ${origin} may not change this server; use the console at http://${headers.host ?? ''}/.`;
  }
  return undefined;
}
