/**
 * What the user sees at a point of the page: Chromium's own hit test there (DOM.getNodeForLocation through the
 * DevTools protocol), with `pointer-events: none` ignored (a see-through overlay that lets the pointer through is
 * still what is painted), across shadow roots, closed ones too. `lanyard:<kind>` when it is inside one of
 * Lanyard's hosts (data-lanyard), else the element's id or tag name.
 */
import type { Page } from 'playwright-core';

export async function seenAt(page: Page, x: number, y: number): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { backendNodeId } = (await cdp.send('DOM.getNodeForLocation', { x: Math.round(x), y: Math.round(y), includeUserAgentShadowDOM: true, ignorePointerEventsNone: true })) as { backendNodeId: number };
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
    const v = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { const e = this.nodeType === 1 ? this : this.parentElement; const h = e.getRootNode().host; const k = h && h.getAttribute('data-lanyard'); return k ? 'lanyard:' + k : e.id || e.tagName; }`,
      returnByValue: true,
    })) as { result: { value: string } };
    return v.result.value;
  } finally {
    await cdp.detach();
  }
}
