/**
 * The badge pages whose data lives elsewhere (Credly's, badgr-server's image links): the rules are in
 * src/core/share/badge-data-urls.ts, where the popup reads them too (it asks for the data's host when
 * such a page is pasted into "Add a badge"); hover (content.ts) and the library use them from here.
 */
export { badgeDataUrl, DATA_URL_RULES } from '../../core/share/badge-data-urls.ts';
