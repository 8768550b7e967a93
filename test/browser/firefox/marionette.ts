/**
 * A minimal Marionette client (Firefox's own remote protocol, what geckodriver speaks): JSON over
 * TCP, each message `<byte length>:<json>`. The server greets first (`{"applicationType":"gecko",
 * "marionetteProtocol":3}`); a command is `[0, id, name, params]` and its reply `[1, id, error,
 * result]`. Protocol and command names: https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html
 * (commands are the WebDriver ones prefixed `WebDriver:`, plus `Marionette:*` and `Addon:*`).
 */
import { connect, type Socket } from 'node:net';

export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: { error: string; message: string; stacktrace?: string },
  ) {
    super(`${command}: ${error.error}: ${error.message}`);
  }
}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { name: string; resolve(v: unknown): void; reject(e: Error): void }>();
  private greeting: Promise<unknown>;
  private onGreeting!: (v: unknown) => void;
  private closed: Error | null = null;

  private constructor(private readonly socket: Socket) {
    this.greeting = new Promise((r) => (this.onGreeting = r));
    socket.on('data', (d) => this.receive(d));
    const fail = (e: Error) => {
      this.closed = e;
      for (const p of this.pending.values()) p.reject(new Error(`${p.name}: ${e.message}`));
      this.pending.clear();
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('Marionette connection closed')));
  }

  /** Connects to 127.0.0.1:port, retrying while Firefox starts (it listens a second or two after launch). */
  static async connect(port: number, timeoutMs = 30_000): Promise<Marionette> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1');
          s.once('connect', () => resolve(s));
          s.once('error', reject);
        });
        const m = new Marionette(socket);
        const hello = (await Promise.race([m.greeting, new Promise((r) => setTimeout(r, 5000, null))])) as { marionetteProtocol?: number } | null;
        if (hello?.marionetteProtocol === 3) return m;
        socket.destroy();
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) throw new Error(`no Marionette server on 127.0.0.1:${port} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('latin1'));
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        this.onGreeting(message);
        continue;
      }
      const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
      const p = this.pending.get(id);
      if (!p) continue;
      this.pending.delete(id);
      if (error) p.reject(new MarionetteError(p.name, error));
      else p.resolve(result);
    }
  }

  /** Sends one command; resolves with its result (WebDriver commands wrap values as `{value}`). */
  send<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`${name}: ${this.closed.message}`));
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'latin1'), body]));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
