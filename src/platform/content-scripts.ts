/**
 * What registering content scripts at run time needs (hover verification runs only on hosts the
 * user granted): browser.scripting and browser.permissions, narrowed, and the grant events.
 * `scripting` is absent until the manifest asks for the "scripting" permission: then this is undefined.
 */
import browser from './browser.ts';

export interface ScriptingApi {
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(scripts: { id: string; js: string[]; matches: string[]; runAt: 'document_idle'; allFrames: boolean; persistAcrossSessions: boolean }[]): Promise<unknown>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  };
  permissions: { getAll(): Promise<{ origins?: string[] }> };
}

export function scriptingApi(): ScriptingApi | undefined {
  const b = browser as unknown as Partial<ScriptingApi>;
  return b.scripting?.registerContentScripts ? (browser as unknown as ScriptingApi) : undefined;
}

/** Host permissions granted or taken away (also from the browser's own settings). */
export function onHostPermissionsChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(() => listener());
  browser.permissions.onRemoved.addListener(() => listener());
}

/** scripting.executeScript (injects the content scripts' on-demand files), or undefined without the "scripting" permission. */
export function executeScriptApi(): ((injection: { target: { tabId: number; frameIds?: number[]; documentIds?: string[] }; files: string[] }) => Promise<unknown>) | undefined {
  const s = (browser as unknown as { scripting?: { executeScript?(i: unknown): Promise<unknown> } }).scripting;
  return s?.executeScript ? (injection) => s.executeScript!(injection) : undefined;
}
