/**
 * The extension service worker's JS heap in MB, after a full garbage collection, through the
 * DevTools protocol: from a page's CDP session, Target.attachToTarget (not flattened) to the
 * worker's target, then HeapProfiler.collectGarbage and Runtime.getHeapUsage sent inside it with
 * Target.sendMessageToTarget. `usedSize` is V8's live heap of that isolate.
 */
import type { Launched } from '../../test/browser/launch.ts';
import { workerSession } from './worker-session.ts';

export async function workerHeapMb(ext: Launched): Promise<number> {
  const s = await workerSession(ext);
  try {
    await s.send('HeapProfiler.enable');
    await s.send('HeapProfiler.collectGarbage');
    await s.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await s.send('Runtime.getHeapUsage')) as { usedSize: number };
    return Math.round((usedSize / 1024 / 1024) * 100) / 100;
  } finally {
    await s.close();
  }
}
