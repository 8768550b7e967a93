/**
 * Pure share builders (plain functions over strings, no extension APIs), used by the popup and
 * by the background for content scripts: LinkedIn links, the e-mail/embed card and its
 * sentence, and safe Markdown.
 */
export { badgeCardHtml, badgeShareText, shareLink, ENGLISH_LABELS, type CardLabels, type CardOptions, type ShareableBadge } from './card.ts';
export { isoDay, sortTimeOf, yearMonth, type YearMonth } from './dates.ts';
export { carriesSecret, escapeHtml, publicShareUrl, safeHttpUrl, safeImageSrc } from './escape.ts';
export { credentialIdFor, isLinkedInOrgId, linkedInAddToProfileUrl, linkedInShareUrl, organizationIdFor, type LinkedInCertification } from './linkedin.ts';
export { parseMarkdown, MAX_MARKDOWN_CHARS, type MdBlock, type MdInline } from './markdown.ts';
export { markdownToHtml, type MarkdownHtmlOptions } from './markdown-html.ts';
export { displayText, displayOptional, hasHiddenControls, MAX_DISPLAY_CHARS } from './display.ts';
export { mailtoUrl, MAX_MAILTO_CHARS, type MailDraft } from './mail.ts';
export { shareWarningOf, shareWarningWords, type ShareWarning, type ShareWarningLevel } from './warning.ts';
