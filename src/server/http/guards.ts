// Who may talk to the local server. It binds 127.0.0.1, but a page on any site the user visits can still
// send requests to it: state-changing requests must come from the console's own origin (Origin and
// Sec-Fetch-Site checks), and every request must name a local Host (DNS rebinding: a hostile name that
// resolves to 127.0.0.1 would otherwise be "same origin").
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

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const SAME_ORIGIN_FETCH = new Set(['same-origin', 'none']);

/** Why a request may not change anything, or undefined when it may. */
export function crossOriginRefusal(method: string, headers: IncomingHttpHeaders): string | undefined {
  if (SAFE_METHODS.has(method)) return undefined;
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && !SAME_ORIGIN_FETCH.has(site)) {
    return `A ${site} page may not send ${method} requests to this server; use the console it serves.`;
  }
  const origin = headers.origin;
  // No Origin: the AWS CLI, SDKs and curl. Browsers always send one on POST, PUT and DELETE.
  if (origin === undefined) return undefined;
  if (origin !== `http://${headers.host ?? ''}`) {
    return `Requests from ${origin} may not change this server; use the console at http://${headers.host ?? ''}/.`;
  }
  return undefined;
}
