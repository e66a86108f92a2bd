// Actors: the people, scripts and services that call AWS in the demo account. An actor has one or more
// modes (console, CLI, a service acting for it), a mix of APIs it calls and the Regions it works in.
import type { JsonObject, UserIdentity } from '@/domain/record';
import { fixed } from './catalog/define';
import { SERVICES, type ServiceKey } from './catalog/registry';
import type { ApiSpec, Builder, ErrorSpec } from './catalog/types';
import { assumedRoleIdentity, type AssumedRoleOptions, type Role, type Session } from './identities';
import { hashSeed, Prng, WeightedTable } from './prng';
import type { Caller } from './record-factory';
import { REGION_WEIGHTS } from './resources';
import { isoSeconds } from '@/domain/iso-time';

export interface SessionSpec {
  /** Temporary credentials are renewed this often. */
  hours: number;
  /** One session per name and period: instance ids, function names, people. */
  names: readonly string[];
  make: (session: Session) => UserIdentity;
  /** Modes with the same key share credentials (the SSM agent and the app on one instance). */
  key?: string;
}

/** Sessions of a role, renewed every `hours`, one per name (instance id, function, person). */
export function roleSessions(
  role: Role,
  names: readonly string[],
  hours: number,
  options: AssumedRoleOptions = {},
  key?: string,
): SessionSpec {
  return { hours, names, make: (s) => assumedRoleIdentity(role, s, options), ...(key ? { key } : {}) };
}

export interface ModeDef {
  weight: number;
  /** Long-term credentials (AKIA…) or a principal without credentials. */
  identity?: UserIdentity;
  session?: SessionSpec;
  userAgents: readonly string[];
  ips: readonly string[];
  /** The same source IP all day (a person's laptop), instead of any of `ips` per call. */
  stickyIp?: boolean;
  /** A service principal calling: sourceIPAddress and userAgent are the service's name, no tlsDetails. */
  service?: string;
  console?: boolean;
  legacyTls?: boolean;
  /** Calls through an interface VPC endpoint (private source IPs). */
  vpcEndpointId?: string;
}

/** Per service: a share of the actor's calls spread by the catalog's weights, or explicit API weights. */
export type Mix = Partial<Record<ServiceKey, number | Readonly<Record<string, number>>>>;

export interface ActorDef {
  id: string;
  /** People follow office hours and weekdays; machines run around the clock. */
  kind: 'human' | 'machine';
  weight: number;
  modes: readonly ModeDef[];
  mix: Mix;
  regions?: ReadonlyArray<readonly [string, number]>;
  errorFactor?: number;
  deniedWrites?: number;
  /** Calls that keep failing the same way: a retired parameter, a missing key permission, throttling. */
  chronic?: readonly ChronicFailure[];
}

export interface ChronicFailure {
  service: ServiceKey;
  name: string;
  /** The error code, one of the API's errors. */
  code: string;
  /** Share of the actor's calls that are this failure. */
  share: number;
  requestParameters?: JsonObject;
}

export interface CompiledFailure {
  api: ApiSpec;
  error: ErrorSpec;
  share: number;
  build?: Builder;
}

export interface Actor {
  def: ActorDef;
  apis: WeightedTable<ApiSpec>;
  regions: WeightedTable<string>;
  modes: WeightedTable<number>;
  chronic: readonly CompiledFailure[];
}

const INSPECTION = /^(Describe|List|Get)/;

/** The read-only Describe/List/Get APIs of a service, weighted as the catalog weights them. */
export function reads(key: ServiceKey, share: number): Record<string, number> {
  const apis = [...SERVICES[key].apis.values()].filter(
    (a) => a.readOnly && !a.machineOnly && INSPECTION.test(a.name),
  );
  const total = apis.reduce((sum, a) => sum + a.weight, 0);
  return Object.fromEntries(apis.map((a) => [a.name, (share * a.weight) / total]));
}

export function compileMix(mix: Mix): WeightedTable<ApiSpec> {
  const entries: Array<[ApiSpec, number]> = [];
  for (const [key, share] of Object.entries(mix) as Array<[ServiceKey, Mix[ServiceKey]]>) {
    const service = SERVICES[key];
    if (typeof share === 'number') {
      const apis = [...service.apis.values()].filter((a) => !a.machineOnly);
      const total = apis.reduce((sum, a) => sum + a.weight, 0);
      for (const a of apis) entries.push([a, (share * a.weight) / total]);
    } else if (share) {
      for (const [name, weight] of Object.entries(share)) {
        const found = service.apis.get(name);
        if (!found) throw new Error(`The demo catalog has no ${service.source} ${name}.`);
        entries.push([found, weight]);
      }
    }
  }
  return new WeightedTable(entries);
}

function compileFailure(failure: ChronicFailure): CompiledFailure {
  const found = SERVICES[failure.service].apis.get(failure.name);
  const error = found && [...found.errors, found.service.denied].find((e) => e.code === failure.code);
  if (!found || !error)
    throw new Error(`The demo catalog has no ${failure.code} for ${failure.service} ${failure.name}.`);
  return {
    api: found,
    error,
    share: failure.share,
    ...(failure.requestParameters ? { build: fixed(failure.requestParameters) } : {}),
  };
}

export function compileActor(def: ActorDef): Actor {
  return {
    def,
    apis: compileMix(def.mix),
    regions: new WeightedTable(def.regions ?? REGION_WEIGHTS),
    modes: new WeightedTable(def.modes.map((m, i) => [i, m.weight] as const)),
    chronic: (def.chronic ?? []).map(compileFailure),
  };
}

/** Temporary credentials and sticky IPs of one day; same seed and day give the same sessions. */
export class SessionBook {
  /** Per session spec and name, the identity of each period of the day. */
  private readonly identities = new Map<SessionSpec, Map<string, UserIdentity[]>>();
  private readonly sticky = new Map<string, number>();
  private readonly seed: number;
  private readonly dayStartMs: number;

  constructor(seed: number, dayStartMs: number) {
    this.seed = seed;
    this.dayStartMs = dayStartMs;
  }

  identity(actorId: string, spec: SessionSpec, name: string, second: number): UserIdentity {
    const slot = Math.floor(second / (spec.hours * 3600));
    let byName = this.identities.get(spec);
    if (!byName) this.identities.set(spec, (byName = new Map()));
    let slots = byName.get(name);
    if (!slots) byName.set(name, (slots = []));
    let identity = slots[slot];
    if (!identity) {
      const credentialKey = spec.key ?? actorId;
      const rng = new Prng(hashSeed(this.seed, this.dayStartMs, credentialKey, name, slot));
      const createdMs = this.dayStartMs + slot * spec.hours * 3_600_000 - rng.between(30, 900) * 1000;
      identity = spec.make({
        name,
        accessKeyId: `ASIA${rng.base32(16)}`,
        creationDate: isoSeconds(createdMs),
      });
      slots[slot] = identity;
    }
    return identity;
  }

  stickyIndex(actorId: string, size: number): number {
    let value = this.sticky.get(actorId);
    if (value === undefined) {
      value = hashSeed(this.seed, this.dayStartMs, actorId, 'ip');
      this.sticky.set(actorId, value);
    }
    return value % size;
  }
}

/** Who calls, as what, from where: resolves an actor's mode into a caller at a second of the day. */
export function callerFor(
  actor: Actor,
  rng: Prng,
  book: SessionBook,
  second: number,
  modeIndex?: number,
): Caller {
  const index = modeIndex ?? actor.modes.pick(rng);
  const mode = actor.def.modes[index]!;
  const identity = mode.session
    ? book.identity(actor.def.id, mode.session, rng.pick(mode.session.names), second)
    : mode.identity!;
  if (mode.service) {
    return {
      identity,
      userAgent: mode.userAgents[0] ?? mode.service,
      sourceIp: mode.service,
      viaService: true,
    };
  }
  const ip = mode.stickyIp ? mode.ips[book.stickyIndex(actor.def.id, mode.ips.length)]! : rng.pick(mode.ips);
  const caller: Caller = { identity, userAgent: rng.pick(mode.userAgents), sourceIp: ip };
  if (mode.console) caller.console = true;
  if (mode.legacyTls) caller.legacyTls = true;
  if (mode.vpcEndpointId) caller.vpcEndpointId = mode.vpcEndpointId;
  return caller;
}
