/**
 * OAuth through the browser: identity.launchWebAuthFlow opens the provider's sign-in in a window
 * of its own and resolves with the URL the provider redirected to, once it reaches the extension's
 * redirect host (`https://<id>.chromiumapp.org/…` in Chromium, `https://<hash>.extensions.allizom.org/…`
 * in Firefox). Nothing here reads the answer: the caller checks `state` and the code.
 */
import browser from './browser.ts';

export interface Identity {
  /** The redirect URL for a path: every OAuth client URL lives on its host (one host, as RFC 7591 profiles ask). */
  redirectUrl(path: string): string;
  /** Opens the sign-in page; resolves with the final redirect URL, rejects when the user closes it. */
  launchWebAuthFlow(url: string, interactive: boolean): Promise<string>;
}

export function createIdentity(): Identity {
  return {
    redirectUrl: (path) => browser.identity.getRedirectURL(path),
    async launchWebAuthFlow(url, interactive) {
      const result = await browser.identity.launchWebAuthFlow({ url, interactive });
      if (typeof result !== 'string' || !result) throw new Error('The sign-in window closed without an answer');
      return result;
    },
  };
}
