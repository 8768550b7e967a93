/**
 * The extension service worker's JS heap in MB, after a full garbage collection, through the
 * DevTools protocol: from a page's CDP session, Target.attachToTarget (not flattened) to the
 * worker's target, then HeapProfiler.collectGarbage and Runtime.getHeapUsage sent inside it with
 * Target.sendMessageToTarget. `usedSize` is V8's live heap of that isolate, read once the engine is
 * released (engineReleased below).
 */
import { BACKPACK_GLOBAL } from '../../src/background/services/backpack-kit.ts';
import { ENGINE_GLOBAL, ENGINE_IDLE_MS } from '../../src/core/verify/engine.ts';
import type { Launched } from '../../test/browser/launch.ts';
import { workerSession, type Send } from './worker-session.ts';

/**
 * Waits until the worker holds neither the engine nor the backpack clients: the background releases each
 * 30 s after its last use (src/platform/engine-loader.ts, src/background/backpack-loader.ts), and a worker
 * just installed keeps neither. The heap is read at rest, with what the sync left behind (data, caches, the
 * worker's own compiled code) and without the scripts the next use would load again.
 */
export async function engineReleased(send: Send): Promise<void> {
  const until = Date.now() + ENGINE_IDLE_MS + 20_000;
  const expression = `[${JSON.stringify(ENGINE_GLOBAL)}, ${JSON.stringify(BACKPACK_GLOBAL)}].every((g) => typeof self[g] === 'undefined')`;
  for (;;) {
    const { result } = (await send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: boolean } };
    if (result.value === true) return;
    if (Date.now() > until) throw new Error('bench: the worker kept engine.js or backpack.js past their idle time');
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function workerHeapMb(ext: Launched): Promise<number> {
  const s = await workerSession(ext);
  try {
    await engineReleased(s.send);
    await s.send('HeapProfiler.enable');
    await s.send('HeapProfiler.collectGarbage');
    await s.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await s.send('Runtime.getHeapUsage')) as { usedSize: number };
    return Math.round((usedSize / 1024 / 1024) * 100) / 100;
  } finally {
    await s.close();
  }
}
