/**
 * A DevTools protocol session inside the extension's service worker: from a page's CDP session,
 * Target.attachToTarget (not flattened: a flattened session to the worker crashed the test browser
 * when it took a heap snapshot) to the worker's target, its commands sent with
 * Target.sendMessageToTarget. Used by worker-heap.ts, heap-sync.ts and profile-sync.ts.
 */
import type { Launched } from '../../test/browser/launch.ts';

interface TargetInfo { targetId: string; type: string; url: string }
interface Message { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string } }

export type Send = (method: string, params?: object, timeoutMs?: number) => Promise<Record<string, unknown>>;

export interface WorkerSession {
  /** A command in the worker; rejects with the protocol's error, or after `timeoutMs` (20 s) without a reply. */
  send: Send;
  /** Every event `method` the worker sends, to `listener`. */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): Promise<void>;
}

export async function workerSession(ext: Launched): Promise<WorkerSession> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ext.origin));
  if (!sw) throw new Error('bench: no running service worker');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  let next = 1;
  const pending = new Map<number, (m: Message) => void>();
  const listeners = new Map<string, (params: Record<string, unknown>) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as Message;
    if (m.method) listeners.get(m.method)?.(m.params ?? {});
    else if (m.id !== undefined) pending.get(m.id)?.(m), pending.delete(m.id);
  });
  const send: Send = (method, params = {}, timeoutMs = 20_000) => {
    const id = next++;
    const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: ${method} in the worker timed out`)), timeoutMs);
      pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result ?? {});
      });
    });
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return reply;
  };
  return {
    send,
    on: (method, listener) => void listeners.set(method, listener),
    close: async () => {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
