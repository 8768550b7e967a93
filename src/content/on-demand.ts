/**
 * The always-loaded content scripts only find their places and draw the buttons. At the first
 * press of a button they ask the background for the rest (`picker/ui`: it injects the picker and
 * the page-filling file for this site into this frame, src/background/services/content-ui.ts),
 * then use what that file provided (ui-api.ts). A mousedown starts the load; the click, which
 * follows it, waits for it. A failed load is forgotten, so the next click asks again.
 */
import { loadedUis, type Uis } from './ui-api.ts';
import { extensionRuntime } from './world.ts';

let loading: Promise<string | undefined> | undefined;

/** Loads the on-demand file once; resolves to an error message, or undefined when loaded. Never rejects. */
export function preloadUi(): Promise<string | undefined> {
  // A promise's executor catches what sendMessage throws at once (an invalidated extension context) too.
  loading ??= new Promise<{ ok?: unknown; error?: { message?: unknown } } | undefined>((reply) => reply(extensionRuntime()?.sendMessage({ type: 'picker/ui', args: {} }) as never)).then(
    (r) => (r?.ok === true ? undefined : String(r?.error?.message ?? 'no reply')),
    // What it threw or rejected with, as the console says it ("Error: …").
    String,
  ).then((error) => {
    if (error) loading = undefined;
    return error;
  });
  return loading;
}

/** Runs `use` with this site's on-demand functions, loading them first when needed (not once `signal` aborted). */
export async function withUi<K extends keyof Uis>(name: K, signal: AbortSignal, use: (ui: Uis[K]) => void): Promise<void> {
  const error = loadedUis()[name] ? undefined : await preloadUi();
  const ui = loadedUis()[name];
  if (signal.aborted) return;
  if (ui) return use(ui);
  loading = undefined;
  console.error(`[lanyard] could not load the picker: ${error ?? 'nothing was loaded'}`);
}
