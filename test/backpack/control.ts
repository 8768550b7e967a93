/**
 * What tests may do to a running test backpack: slow or pause its answers, make the next answers
 * fail (500, 401, 429, a dropped connection), move its clock, and read or change its state.
 * Failures use Django REST Framework's own bodies, as Badgr would send them.
 */
import type { Reply, Req } from './http/io.ts';
import { json, serverError, text } from './http/io.ts';
import { ob2Record } from './issuance/ob2.ts';
import { keyRing } from './crypto/keys.ts';
import type { BackpackState, ClientRecord, TokenRecord } from './state.ts';

export interface Fault {
  /** 500, 401, 429 or any status; `drop` closes the connection without an answer. */
  status?: number;
  drop?: boolean;
  /** Only requests whose path matches (a prefix string or a RegExp); default: any request. */
  path?: string | RegExp;
  /** How many matching requests fail (default 1). */
  count?: number;
  /**
   * For 429: the Retry-After seconds (default 30), or a Date sent as an HTTP-date (RFC 9110 §10.2.3
   * allows either); null sends no Retry-After (OB 2.1/3.0 "Retry Behavior" then says: wait 30 minutes).
   * For a 5xx: sent only when given. A string is sent as written: a server's own spelling ("30.0"), or
   * a field a gateway sent again beside the server's ("30, 30": RFC 9110 §5.3, the lines joined by commas).
   */
  retryAfter?: number | Date | string | null;
  body?: unknown;
  /** With a 401: the Bearer challenge's `error` (RFC 6750 §3.1: invalid_token, invalid_request…); default none. */
  challenge?: string;
  /** An HTML page as the answer, with that status (a proxy's or gateway's error page, not the API's JSON). */
  html?: string;
  /** With a 3xx status: the Location to send the client to (a 307/308 keeps the method and body). */
  redirectTo?: string;
  /** Lets this many matching requests through first (e.g. 1: the fault hits the second page, not the first). */
  skip?: number;
  /** Instead of an answer: pauses the server at this request (it and every later one wait for resume()). */
  pause?: boolean;
  /** Holds only this request until the promise settles, then answers it as usual (the others go on). */
  hold?: Promise<void>;
  /**
   * Answers the request as usual (the change is made), sends its status line and headers, then holds its
   * body until the promise settles: an answer whose headers have come and whose body has not.
   */
  holdBody?: Promise<void>;
  /**
   * Answers the request as usual (the change is made: a refresh rotates the pair), then closes the
   * connection without sending the answer: a network cut, or a worker stopped, after the server acted.
   */
  dropAnswer?: boolean;
  /** Instead of a failure: runs this as the request arrives, then answers the request as usual (a change at the provider between two requests). */
  act?: () => void;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** The query string ("" or "?…"), and the Authorization header, for replaying a run (bench/sync.ts). */
  search?: string;
  authorization?: string;
  /** The Cookie and Referer headers as sent, for the tests that no request carries them (test/browser/no-cookies.test.ts). */
  cookie?: string;
  referer?: string;
}

export class Control {
  delayMs: number;
  readonly requests: LoggedRequest[] = [];
  /** The paths of requests whose connection closed before their answer began: the client went away (an aborted fetch, seen while the request is held or delayed), or a planned drop. */
  readonly abandoned: string[] = [];
  /** Sent with every answer (e.g. `cache-control: max-age=600`, as a static file host would: the browser's HTTP cache then keeps it). */
  extraHeaders: Record<string, string> = {};
  private gate: { promise: Promise<void>; release: () => void } | null = null;
  private readonly faults: (Fault & { left: number })[] = [];
  private readonly heldBodies = new WeakMap<Req, Promise<void>>();
  private readonly droppedAnswers = new WeakSet<Req>();

  constructor(private readonly state: BackpackState, delayMs = 0) {
    this.delayMs = delayMs;
  }

  /** Every answer waits this long before it is handled. */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** Holds every request (before it is handled) until resume(). */
  pause(): void {
    if (this.gate) return;
    let release!: () => void;
    const promise = new Promise<void>((r) => (release = r));
    this.gate = { promise, release };
  }

  resume(): void {
    this.gate?.release();
    this.gate = null;
  }

  get paused(): boolean {
    return this.gate !== null;
  }

  /** Makes the next matching request(s) fail; a bare number is a status. */
  failNext(fault: Fault | number): void {
    const f = typeof fault === 'number' ? { status: fault } : fault;
    this.faults.push({ ...f, left: f.count ?? 1 });
  }

  /**
   * Holds the next request to `path` until `release()` (Fault.hold), and says when it has arrived and is
   * held (`arrived()`): for tests that act while the backpack holds a request (a Cancel, say).
   */
  holdNext(path: string): { arrived: () => boolean; release: () => void } {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let arrived = false;
    // before() awaits this as the request arrives: that await says it is there.
    const hold = { then: (ok: () => void, no: (e: unknown) => void) => ((arrived = true), gate.then(ok, no)) } as unknown as Promise<void>;
    this.failNext({ path, hold });
    return { arrived: () => arrived, release };
  }

  /** Runs `action` when a matching request arrives (after `skip` of them), then answers that request as usual. */
  onRequest(match: Pick<Fault, 'path' | 'skip' | 'count'>, action: () => void): void {
    this.failNext({ ...match, act: action });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Moves the server's clock (tokens expire, throttles lapse, resend limits pass). */
  advanceTime(ms: number): void {
    this.state.clockOffsetMs += ms;
  }

  now(): number {
    return this.state.now();
  }

  get tokens(): TokenRecord[] {
    return [...this.state.tokens.values()];
  }

  get issuedTokens(): TokenRecord[] {
    return this.tokens.filter((t) => !t.revoked);
  }

  get revokedTokens(): TokenRecord[] {
    return this.tokens.filter((t) => t.revoked);
  }

  /** Whether an access token (or refresh token) would be accepted now. */
  isTokenLive(token: string): boolean {
    if (this.state.liveToken(token)) return true;
    const t = this.state.tokenByRefresh(token);
    return t !== undefined && !t.revoked;
  }

  get clients(): ClientRecord[] {
    return [...this.state.clients.values()];
  }

  get stateForTests(): BackpackState {
    return this.state;
  }

  /** Clears Badgr's login backoff for everyone. */
  clearThrottle(): void {
    this.state.loginFailures.clear();
  }

  /** What the confirmation link would do: marks the address verified. */
  verifyEmail(address: string): void {
    const rec = this.state.emailRecord(address);
    if (!rec) throw new Error(`no such address: ${address}`);
    rec.verified = true;
  }

  /** Issues a new OB 2.0 hosted badge now (for incremental-sync tests); returns its entity id. */
  issueBadge(to = 'ada@example.org', badgeClassId = 'bc-programmer'): string {
    const id = this.state.newId('new-');
    const when = new Date(this.state.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const issuerId = this.state.badgeClasses.get(badgeClassId)?.issuer === this.state.urls.issuer('iss-engine-guild') ? 'iss-engine-guild' : 'iss-analytical';
    this.state.badges.set(id, ob2Record(this.state.urls, { entityId: id, badgeClassId, issuerId, email: to, salt: `salt-${id}`, issuedOn: when }, keyRing(), when));
    return id;
  }

  /** Revokes a badge now; OB 2.0 badges then show it in their hosted copy and revocation list. */
  revokeBadge(entityId: string, reason = 'Revoked by the test'): void {
    const b = this.state.badges.get(entityId);
    if (!b) throw new Error(`no such badge: ${entityId}`);
    Object.assign(b, { revoked: true, revocationReason: reason, updatedAt: new Date(this.state.now()).toISOString() });
  }

  /**
   * Deletes a badge at the provider: it is gone from every list, so each later item of an offset
   * listing moves up one place (OB 3.0 API and Badge Connect page with `limit`/`offset`).
   */
  deleteBadge(entityId: string): void {
    if (!this.state.badges.delete(entityId)) throw new Error(`no such badge: ${entityId}`);
    for (const c of this.state.collections.values()) c.assertions = c.assertions.filter((a) => a !== entityId);
  }

  /** @internal the server's hook: waits for pause and delay, then answers a planned fault or null. */
  async before(req: Req): Promise<Reply | 'drop' | null> {
    // A planned pause takes effect as the request arrives, so it holds this very request.
    if (this.take(req, true)) this.pause();
    while (this.gate) await this.gate.promise;
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const f = this.take(req, false);
    if (!f) return null;
    if (f.act) {
      f.act();
      return null;
    }
    if (f.hold) {
      await f.hold;
      return null;
    }
    if (f.holdBody) {
      this.heldBodies.set(req, f.holdBody);
      return null;
    }
    if (f.drop) return 'drop';
    if (f.dropAnswer) {
      this.droppedAnswers.add(req);
      return null;
    }
    return faultReply(f);
  }

  /** @internal the server's hook: whether this request's answer, made, is lost (Fault.dropAnswer). */
  answerDropped(req: Req): boolean {
    return this.droppedAnswers.delete(req);
  }

  /** @internal the server's hook: what the body of this request's answer waits for, after its headers are sent (Fault.holdBody). */
  bodyHold(req: Req): Promise<void> | undefined {
    return this.heldBodies.get(req);
  }

  /** The first planned fault (pauses or answers) matching `req`, used up once its skips are spent. */
  private take(req: Req, pause: boolean): Fault | null {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i]!;
      if (!!f.pause !== pause || (f.path && (typeof f.path === 'string' ? !req.path.startsWith(f.path) : !f.path.test(req.path)))) continue;
      if (f.skip) {
        f.skip--;
        return null;
      }
      if (--f.left <= 0) this.faults.splice(i, 1);
      return f;
    }
    return null;
  }
}

function faultReply(f: Fault): Reply {
  const status = f.status ?? 500;
  if (f.redirectTo !== undefined) return { status, headers: { location: f.redirectTo, 'content-type': 'text/plain' }, body: '' };
  if (f.html !== undefined) return text(status, f.html, 'text/html; charset=utf-8');
  if (status === 401) {
    return json(401, f.body ?? { detail: 'Authentication credentials were not provided.' }, { 'www-authenticate': `Bearer realm="api"${f.challenge ? `, error="${f.challenge}"` : ''}` });
  }
  if (status === 429) {
    if (f.retryAfter === null) return json(429, f.body ?? { detail: 'Request was throttled.' });
    if (f.retryAfter instanceof Date) return json(429, f.body ?? { detail: 'Request was throttled.' }, { 'retry-after': f.retryAfter.toUTCString() });
    if (typeof f.retryAfter === 'string') return json(429, f.body ?? { detail: 'Request was throttled.' }, { 'retry-after': f.retryAfter });
    const s = f.retryAfter ?? 30;
    return json(429, f.body ?? { detail: `Request was throttled. Expected available in ${s} seconds.` }, { 'retry-after': String(s) });
  }
  const wait: Record<string, string> = typeof f.retryAfter === 'number' || typeof f.retryAfter === 'string' ? { 'retry-after': String(f.retryAfter) } : f.retryAfter instanceof Date ? { 'retry-after': f.retryAfter.toUTCString() } : {};
  if (status >= 500 && f.body === undefined) {
    const r = serverError();
    return { ...r, status, headers: { ...r.headers, ...wait } };
  }
  if (status >= 500) return json(status, f.body, wait);
  return json(status, f.body ?? { detail: 'Injected failure' });
}
