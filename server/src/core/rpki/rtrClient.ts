/**
 * RPKI-to-Router client (RFC 8210, RFC 6810, draft-ietf-sidrops-8210bis). One session to one cache: Reset or
 * Serial Query, a transaction of Prefix/ASPA PDUs applied atomically at End of Data, refresh/retry/expire timers
 * from the cache, version negotiation downwards from 2, Error Reports sent and received.
 */
import { RTR_ERROR, RTR_ERROR_NAMES, HIGHEST_RTR_VERSION, encodePdu, type Pdu, type RtrErrorCode, type RtrVersion, type Timers } from './pdu';
import { PduStreamDecoder } from './pduStream';
import { aspaKey, vrpKey, type AspaRecord, type RpkiIssue, type Vrp } from './types';
import type { ByteStream, Clock, Connector } from './transport';
import { formatPrefix } from '../net/prefix';

export type RtrState = 'idle' | 'connecting' | 'syncing' | 'synced' | 'disconnected' | 'stopped';

export interface RtrSnapshot {
  readonly vrps: ReadonlyMap<string, Vrp>;
  readonly aspas: ReadonlyMap<string, AspaRecord>;
  readonly sessionId: number | undefined;
  readonly serial: number | undefined;
  readonly version: RtrVersion;
  /** When the last End of Data was applied (clock ms). */
  readonly updatedAt: number | undefined;
}

export interface RtrClientEvents {
  /** After a transaction was applied (or expired data was dropped). */
  onUpdate?(snapshot: RtrSnapshot, change: { readonly reset: boolean; readonly announced: number; readonly withdrawn: number }): void;
  onState?(state: RtrState): void;
  onIssue?(issue: RpkiIssue): void;
  /** A Serial Notify arrived (tests and status displays use it). */
  onNotify?(serial: number): void;
}

export interface RtrClientOptions {
  readonly host: string;
  readonly port: number;
  readonly connector: Connector;
  readonly clock: Clock;
  /** Highest version to offer; negotiation goes down from here. */
  readonly maxVersion?: RtrVersion;
  /** Timers used until the cache sends its own (RFC 8210 §6 defaults). */
  readonly defaultTimers?: Timers;
}

const DEFAULT_TIMERS: Timers = { refresh: 3600, retry: 600, expire: 7200 };

type Op = { kind: 'vrp'; announce: boolean; vrp: Vrp } | { kind: 'aspa'; announce: boolean; aspa: AspaRecord };

/**
 * A reset fills fresh maps directly (checked as PDUs arrive: that is most of a full load); an incremental
 * update is kept as a list of operations and resolved at End of Data.
 */
interface Transaction {
  readonly reset: boolean;
  readonly sessionId: number;
  readonly ops: Op[];
  readonly vrps: Map<string, Vrp>;
  readonly aspas: Map<string, AspaRecord>;
}

export class RtrClient {
  private readonly source: string;
  private version: RtrVersion;
  private negotiated = false;
  private sessionId: number | undefined;
  private serial: number | undefined;
  private updatedAt: number | undefined;
  private timers: Timers;
  private vrps = new Map<string, Vrp>();
  private aspas = new Map<string, AspaRecord>();

  private stream: ByteStream | undefined;
  private decoder = new PduStreamDecoder();
  private generation = 0;
  private txn: Transaction | undefined;
  private lastQuery: 'reset' | 'serial' | undefined;
  private notifyPending = false;
  private state: RtrState = 'idle';
  private refreshTimer: unknown;
  private retryTimer: unknown;
  private expireTimer: unknown;

  constructor(
    private readonly options: RtrClientOptions,
    private readonly events: RtrClientEvents = {},
  ) {
    this.source = `rtr://${options.host}:${options.port}`;
    this.version = options.maxVersion ?? HIGHEST_RTR_VERSION;
    this.timers = options.defaultTimers ?? DEFAULT_TIMERS;
  }

  get currentState(): RtrState {
    return this.state;
  }

  snapshot(): RtrSnapshot {
    return { vrps: this.vrps, aspas: this.aspas, sessionId: this.sessionId, serial: this.serial, version: this.version, updatedAt: this.updatedAt };
  }

  start(): void {
    if (this.state !== 'idle' && this.state !== 'stopped' && this.state !== 'disconnected') return;
    this.connect();
  }

  /** Asks for news now: a Serial Query on a synced session, a reconnect when disconnected. */
  refresh(): void {
    if (this.state === 'synced') this.sendQuery();
    else if (this.state === 'disconnected' || this.state === 'idle') this.connect();
  }

  stop(): void {
    this.clearTimer('refreshTimer');
    this.clearTimer('retryTimer');
    this.clearTimer('expireTimer');
    this.drop();
    this.setState('stopped');
  }

  // --- connection ---

  private connect(): void {
    this.clearTimer('retryTimer');
    this.drop();
    const gen = ++this.generation;
    this.decoder = new PduStreamDecoder();
    this.setState('connecting');
    this.stream = this.options.connector.connect(this.options.host, this.options.port, {
      onOpen: () => {
        if (gen !== this.generation) return;
        this.setState('syncing');
        this.sendQuery();
      },
      onData: (chunk) => {
        if (gen === this.generation) this.onData(chunk);
      },
      onClose: (error) => {
        if (gen === this.generation) this.onClosed(error);
      },
    });
  }

  /** Forgets the current connection without reporting (callbacks of old generations are ignored). */
  private drop(): void {
    this.generation++;
    this.txn = undefined;
    const s = this.stream;
    this.stream = undefined;
    s?.close();
  }

  private onClosed(error: string | undefined): void {
    const truncated = this.decoder.pendingBytes;
    this.stream = undefined;
    this.txn = undefined;
    if (truncated > 0) {
      this.issue('rpki/rtr-malformed-pdu', 'error', `the cache closed the connection in the middle of a PDU (${truncated} bytes of it arrived); the partial transaction was discarded.`);
    }
    const wasConnecting = this.state === 'connecting';
    this.forgetSessionIfSerialFailed();
    this.issue(
      wasConnecting ? 'rpki/rtr-connect-failed' : 'rpki/rtr-connection-lost',
      wasConnecting ? 'error' : 'warning',
      wasConnecting
        ? `cannot connect to the RTR cache (${error ?? 'closed'}). Check routelens.rtr.host/port and that the cache listens on plain TCP (TLS and SSH are not supported); retrying in ${this.timers.retry} s.`
        : `the RTR connection was lost (${error ?? 'closed by the cache'}); keeping the last data and retrying in ${this.timers.retry} s.`,
    );
    this.scheduleRetry();
  }

  private scheduleRetry(delaySeconds = this.timers.retry): void {
    this.clearTimer('refreshTimer');
    this.clearTimer('retryTimer');
    this.setState('disconnected');
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.connect();
    }, delaySeconds * 1000);
  }

  /** Ends the session after a fatal error; reconnects after `retry` seconds, or at once to renegotiate. */
  private closeSession(retrySeconds?: number): void {
    this.drop();
    this.scheduleRetry(retrySeconds);
  }

  // --- sending ---

  private send(pdu: Pdu): void {
    this.stream?.write(encodePdu(pdu));
  }

  private sendQuery(): void {
    this.notifyPending = false;
    if (this.sessionId !== undefined && this.serial !== undefined) {
      this.lastQuery = 'serial';
      this.send({ type: 'serial-query', version: this.version, sessionId: this.sessionId, serial: this.serial });
    } else {
      this.lastQuery = 'reset';
      this.send({ type: 'reset-query', version: this.version });
    }
    if (this.state === 'synced') this.setState('syncing');
  }

  /** Sends an Error Report and ends the session (RFC 8210 §5.11: errors are fatal to the session). */
  private fail(code: RtrErrorCode, bytes: Uint8Array, reason: string, issueCode = 'rpki/rtr-malformed-pdu'): void {
    this.send({ type: 'error-report', version: this.version, code, erroneousPdu: bytes, text: reason });
    const kept = this.txn ? ' The transaction in progress was discarded; data from earlier End of Data PDUs is kept.' : '';
    this.issue(issueCode, 'error', `${reason} — sent Error Report "${RTR_ERROR_NAMES[code] ?? code}" and closed the session.${kept} Retrying in ${this.timers.retry} s.`);
    this.closeSession();
  }

  // --- receiving ---

  private onData(chunk: Uint8Array): void {
    // A PDU may end this connection (and start the next one) while the rest of the chunk is still being cut.
    const gen = this.generation;
    const decoder = this.decoder;
    const raw = (): Uint8Array => decoder.currentBytes();
    const err = decoder.feed(chunk, (pdu) => {
      if (gen === this.generation) this.onPdu(pdu, raw);
    });
    if (err && gen === this.generation) this.fail(err.code, err.bytes, `malformed PDU from the cache: ${err.reason}`);
  }

  private onPdu(pdu: Pdu, raw: () => Uint8Array): void {
    if (!this.stream) return;
    if (pdu.type === 'error-report') return this.onErrorReport(pdu);
    if (!this.negotiated) {
      if (pdu.version < this.version) {
        // RFC 8210 §7: a cache that speaks only a lower version answers in it; the router follows.
        this.version = pdu.version as RtrVersion;
        this.sessionId = undefined;
        this.serial = undefined;
      }
      this.negotiated = true;
    }
    if (pdu.version !== this.version) {
      return this.fail(RTR_ERROR.unexpectedProtocolVersion, raw(), `the cache sent a version ${pdu.version} ${pdu.type} PDU in a version ${this.version} session`);
    }
    switch (pdu.type) {
      case 'serial-notify':
        this.events.onNotify?.(pdu.serial);
        if (this.state === 'synced') this.sendQuery();
        else this.notifyPending = true;
        return;
      case 'cache-response':
        if (this.txn) return this.fail(RTR_ERROR.corruptData, raw(), 'the cache sent a second Cache Response before End of Data');
        if (this.lastQuery === 'serial' && pdu.sessionId !== this.sessionId) {
          // RFC 8210 §5.1: a new Session ID means the cache restarted; its serials mean nothing to us.
          this.sessionId = undefined;
          this.serial = undefined;
          this.issue('rpki/rtr-session-changed', 'information', `the cache's session ID changed (${pdu.sessionId}); starting over with a Reset Query.`);
          this.drop();
          this.connect();
          return;
        }
        this.txn = { reset: this.lastQuery !== 'serial', sessionId: pdu.sessionId, ops: [], vrps: new Map(), aspas: new Map() };
        return;
      case 'prefix': {
        const txn = this.txn;
        if (!txn) return this.fail(RTR_ERROR.corruptData, raw(), 'the cache sent a Prefix PDU outside a Cache Response');
        const vrp: Vrp = { prefix: pdu.prefix, maxLength: pdu.maxLength, asn: pdu.asn };
        if (!txn.reset) {
          txn.ops.push({ kind: 'vrp', announce: pdu.announce, vrp });
          return;
        }
        if (!pdu.announce) return this.fail(RTR_ERROR.withdrawalOfUnknownRecord, raw(), `the cache withdrew ${describeVrp(vrp)} in a reset response`);
        const key = vrpKey(vrp);
        if (txn.vrps.has(key)) return this.fail(RTR_ERROR.duplicateAnnouncement, raw(), `the cache announced ${describeVrp(vrp)} twice`);
        txn.vrps.set(key, vrp);
        return;
      }
      case 'aspa': {
        const txn = this.txn;
        if (!txn) return this.fail(RTR_ERROR.corruptData, raw(), 'the cache sent an ASPA PDU outside a Cache Response');
        const aspa: AspaRecord = pdu.afi === undefined ? { customer: pdu.customer, providers: pdu.providers } : { customer: pdu.customer, providers: pdu.providers, afi: pdu.afi };
        if (!txn.reset) {
          txn.ops.push({ kind: 'aspa', announce: pdu.announce, aspa });
          return;
        }
        if (!pdu.announce) return this.fail(RTR_ERROR.withdrawalOfUnknownRecord, raw(), `the cache withdrew the ASPA of AS${aspa.customer} in a reset response`);
        txn.aspas.set(aspaKey(aspa), aspa);
        return;
      }
      case 'router-key':
        // BGPsec keys are not used by RouteLens; they are part of the transaction and otherwise ignored.
        if (!this.txn) return this.fail(RTR_ERROR.corruptData, raw(), 'the cache sent a Router Key PDU outside a Cache Response');
        return;
      case 'end-of-data':
        return this.onEndOfData(pdu, raw);
      case 'cache-reset':
        // The cache cannot serve our serial: ask for everything; old data stays until the reset completes.
        this.txn = undefined;
        this.sessionId = undefined;
        this.serial = undefined;
        this.sendQuery();
        return;
      case 'serial-query':
      case 'reset-query':
        return this.fail(RTR_ERROR.invalidRequest, raw(), `the cache sent a ${pdu.type} PDU, which only routers send`);
    }
  }

  private onErrorReport(pdu: Extract<Pdu, { type: 'error-report' }>): void {
    const name = RTR_ERROR_NAMES[pdu.code] ?? `code ${pdu.code}`;
    const text = pdu.text ? `: ${pdu.text}` : '';
    if (pdu.code === RTR_ERROR.unsupportedProtocolVersion && !this.negotiated && this.version > 0) {
      const next = Math.min(this.version - 1, pdu.version) as RtrVersion;
      this.issue('rpki/rtr-version-downgraded', 'information', `the cache does not speak RTR version ${this.version}${text}; retrying with version ${next}.`);
      this.version = next;
      this.sessionId = undefined;
      this.serial = undefined;
      this.drop();
      this.connect();
      return;
    }
    if (pdu.code === RTR_ERROR.noDataAvailable) {
      this.issue('rpki/rtr-no-data', 'warning', `the cache has no data yet${text}; retrying in ${this.timers.retry} s.`);
    } else {
      this.issue('rpki/rtr-error-report', 'error', `the cache sent Error Report "${name}"${text}. The session was closed; retrying in ${this.timers.retry} s.`);
    }
    this.forgetSessionIfSerialFailed();
    // Never answer an Error Report with one (RFC 8210 §5.11).
    this.closeSession();
  }

  /**
   * A cache that restarted has a new Session ID and rejects our Serial Query (stayrtr with "Corrupt Data:
   * Session ID mismatch", or by closing): the next connection starts with a Reset Query. Data stays until then.
   */
  private forgetSessionIfSerialFailed(): void {
    if (this.lastQuery !== 'serial' || this.state !== 'syncing') return;
    this.sessionId = undefined;
    this.serial = undefined;
  }

  private onEndOfData(pdu: Extract<Pdu, { type: 'end-of-data' }>, raw: () => Uint8Array): void {
    const txn = this.txn;
    if (!txn) return this.fail(RTR_ERROR.corruptData, raw(), 'the cache sent End of Data without a Cache Response');
    if (pdu.sessionId !== txn.sessionId) {
      return this.fail(RTR_ERROR.corruptData, raw(), `End of Data has session ID ${pdu.sessionId}, the Cache Response had ${txn.sessionId}`);
    }
    const applied = txn.reset ? this.applyReset(txn) : this.applyIncremental(txn.ops);
    if (!applied.ok) return this.fail(applied.code, encodePdu(applied.pdu), applied.reason);
    this.txn = undefined;
    this.sessionId = pdu.sessionId;
    this.serial = pdu.serial;
    if (pdu.timers) this.timers = pdu.timers;
    this.updatedAt = this.options.clock.now();
    this.setState('synced');
    this.events.onUpdate?.(this.snapshot(), { reset: txn.reset, announced: applied.announced, withdrawn: applied.withdrawn });
    this.armTimers();
    if (this.notifyPending) this.sendQuery();
  }

  private applyReset(txn: Transaction): ApplyResult {
    this.vrps = txn.vrps;
    this.aspas = txn.aspas;
    return { ok: true, announced: txn.vrps.size + txn.aspas.size, withdrawn: 0 };
  }

  /**
   * Resolves the whole transaction against the current data before touching it, so an error leaves the data as
   * it was and observers only ever see the state of a complete End of Data.
   */
  private applyIncremental(ops: readonly Op[]): ApplyResult {
    const vrpAfter = new Map<string, Vrp | null>();
    const aspaAfter = new Map<string, AspaRecord | null>();
    let announced = 0;
    let withdrawn = 0;
    for (const op of ops) {
      if (op.kind === 'vrp') {
        const key = vrpKey(op.vrp);
        const had = vrpAfter.has(key) ? vrpAfter.get(key) !== null : this.vrps.has(key);
        if (op.announce && had) {
          return { ok: false, code: RTR_ERROR.duplicateAnnouncement, pdu: this.opPdu(op), reason: `the cache announced ${describeVrp(op.vrp)}, which the router already has` };
        }
        if (!op.announce && !had) {
          return { ok: false, code: RTR_ERROR.withdrawalOfUnknownRecord, pdu: this.opPdu(op), reason: `the cache withdrew ${describeVrp(op.vrp)}, which the router does not have` };
        }
        vrpAfter.set(key, op.announce ? op.vrp : null);
      } else {
        const key = aspaKey(op.aspa);
        const current = aspaAfter.has(key) ? aspaAfter.get(key) : this.aspas.get(key);
        if (op.announce) {
          // 8210bis: an announcement replaces the customer's previous ASPA.
          aspaAfter.set(key, op.aspa);
        } else if (!current) {
          return { ok: false, code: RTR_ERROR.withdrawalOfUnknownRecord, pdu: this.opPdu(op), reason: `the cache withdrew the ASPA of AS${op.aspa.customer}, which the router does not have` };
        } else if (op.aspa.providers.length === 0 || sameProviders(current.providers, op.aspa.providers)) {
          aspaAfter.set(key, null);
        }
        // Otherwise the withdrawal names a provider set already replaced in this transaction (stayrtr 0.5 sends
        // the new record before withdrawing the old one): the replacement stands.
      }
      if (op.announce) announced++;
      else withdrawn++;
    }
    for (const [k, v] of vrpAfter) {
      if (v) this.vrps.set(k, v);
      else this.vrps.delete(k);
    }
    for (const [k, v] of aspaAfter) {
      if (v) this.aspas.set(k, v);
      else this.aspas.delete(k);
    }
    return { ok: true, announced, withdrawn };
  }

  private opPdu(op: Op): Pdu {
    if (op.kind === 'vrp') return { type: 'prefix', version: this.version, announce: op.announce, ...op.vrp };
    const a = op.aspa;
    return a.afi === undefined
      ? { type: 'aspa', version: this.version, announce: op.announce, customer: a.customer, providers: a.providers, layout: 'current' }
      : { type: 'aspa', version: this.version, announce: op.announce, customer: a.customer, providers: a.providers, afi: a.afi, layout: 'draft-10' };
  }

  private armTimers(): void {
    this.clearTimer('refreshTimer');
    this.refreshTimer = this.options.clock.setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.state === 'synced') this.sendQuery();
    }, this.timers.refresh * 1000);
    this.clearTimer('expireTimer');
    this.expireTimer = this.options.clock.setTimeout(() => this.expire(), this.timers.expire * 1000);
  }

  /** RFC 8210 §6: data not refreshed within the expire interval must no longer be used. */
  private expire(): void {
    this.expireTimer = undefined;
    this.vrps = new Map();
    this.aspas = new Map();
    this.sessionId = undefined;
    this.serial = undefined;
    this.issue('rpki/rtr-data-expired', 'warning', `no successful update from the cache for ${this.timers.expire} s; its data was dropped (RFC 8210 §6).`);
    this.events.onUpdate?.(this.snapshot(), { reset: true, announced: 0, withdrawn: 0 });
  }

  private clearTimer(name: 'refreshTimer' | 'retryTimer' | 'expireTimer'): void {
    if (this[name] !== undefined) this.options.clock.clearTimeout(this[name]);
    this[name] = undefined;
  }

  private setState(s: RtrState): void {
    if (this.state === s) return;
    this.state = s;
    this.events.onState?.(s);
  }

  private issue(code: string, severity: RpkiIssue['severity'], message: string): void {
    this.events.onIssue?.({ code, severity, message: `${this.source}: ${message}`, source: this.source });
  }
}

/** A failure names the offending PDU, re-encoded for the Error Report (PDUs are not kept as bytes). */
type ApplyResult = { ok: true; announced: number; withdrawn: number } | { ok: false; code: RtrErrorCode; pdu: Pdu; reason: string };

function sameProviders(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

function describeVrp(v: Vrp): string {
  return `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}`;
}
