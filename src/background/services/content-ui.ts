/**
 * The on-demand half of Lanyard's content scripts. The scripts in the manifest only find their
 * place on the page and add the buttons; the picker and the code that fills LinkedIn's form or a
 * mail body come on the first click, when the content script asks (`picker/ui`): the background
 * injects one packaged file into the asking tab's top frame with scripting.executeScript.
 *
 * - The sender is checked as for every `picker/*` message (content-access.ts: the top frame of a
 *   picker site, https) and the file follows from the sender's site, never from the message.
 * - The files are packaged and injected by the extension itself: nothing is web-accessible, so a
 *   page can neither load nor probe them. They run in the content scripts' isolated world and
 *   hand their functions over through that world's global (src/content/on-demand.ts).
 * - Host access: these sites are the manifest's content_scripts matches, which Chromium and
 *   Firefox (MV3: granted with the content scripts) count as host permissions.
 */
import type { Sender } from '../../platform/runtime.ts';
import { isPickerSite } from '../content-access.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

/** Where the build puts src/content/ui-*.ts (vite.config.ts, ON_DEMAND_CONTENT_SCRIPTS). */
export const UI_FILES = { linkedin: 'src/content/ui-linkedin.js', mail: 'src/content/ui-mail.js' } as const;

export interface ScriptTarget {
  tabId: number;
  frameIds?: number[];
  documentIds?: string[];
}

/** scripting.executeScript, narrowed (chrome.* and browser.* both fit). */
export type ExecuteScript = (injection: { target: ScriptTarget; files: string[] }) => Promise<unknown>;

export interface ContentUi {
  load(sender: Sender): Promise<{ loaded: true }>;
}

/** The file for a sender's site: LinkedIn's, else the web mail one (the other picker sites). */
export function uiFileFor(sender: Sender): string {
  return new URL(sender.url ?? '').hostname === 'www.linkedin.com' ? UI_FILES.linkedin : UI_FILES.mail;
}

export function createContentUi(executeScript: ExecuteScript | undefined): ContentUi {
  return {
    async load(sender) {
      const tabId = sender.tab?.id;
      if (!isPickerSite(sender) || typeof tabId !== 'number') {
        throw new ServiceError(E.FORBIDDEN_SENDER, 'The picker loads into the top frame of a picker site only');
      }
      if (!executeScript) throw new ServiceError(E.UNSUPPORTED, 'This browser cannot load the picker');
      // Chromium names the very document that asked (a tab that navigated since gets nothing);
      // Firefox has no document ids: its top frame.
      const target: ScriptTarget =
        typeof sender.documentId === 'string' ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [0] };
      await executeScript({ target, files: [uiFileFor(sender)] });
      return { loaded: true };
    },
  };
}
