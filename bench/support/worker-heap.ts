/**
 * The extension service worker's JS heap in MB, after a full garbage collection, through the
 * DevTools protocol: from a page's CDP session, Target.attachToTarget (not flattened) to the
 * worker's target, then HeapProfiler.collectGarbage and Runtime.getHeapUsage sent inside it with
 * Target.sendMessageToTarget. `usedSize` is V8's live heap of that isolate.
 */
import type { CDPSession } from 'playwright-core';
import type { Launched } from '../../test/browser/launch.ts';

interface TargetInfo { targetId: string; type: string; url: string }

export async function workerHeapMb(ext: Launched): Promise<number> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp: CDPSession = await ext.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ext.origin));
    if (!sw) throw new Error('bench: no running service worker to measure');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
    let next = 1;
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const p = m.id === undefined ? undefined : pending.get(m.id);
      if (!p) return;
      pending.delete(m.id!);
      if (m.error) p.reject(new Error(m.error.message));
      else p.resolve(m.result);
    });
    const send = (method: string, params: object = {}): Promise<unknown> => {
      const id = next++;
      const reply = new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        setTimeout(() => reject(new Error(`bench: ${method} in the worker timed out`)), 20_000);
      });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return reply;
    };
    await send('HeapProfiler.enable');
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return Math.round((usedSize / 1024 / 1024) * 100) / 100;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
