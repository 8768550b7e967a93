/**
 * Content script for https://www.linkedin.com/* (built as one standalone file, so nothing is
 * exposed to the page as a web-accessible resource). It picks the LinkedIn features for this page.
 */
import { startFeatures, type Feature } from './loader.ts';

/** The LinkedIn features, in start order. Heavy UI inside them loads with import() when needed. */
const features: readonly Feature[] = [];

const controller = new AbortController();
const started = startFeatures(features, new URL(location.href), controller.signal);
// Hidden at the default console level; the browser tests wait for it as the proof of injection.
console.debug(`[lanyard] linkedin content script loaded (${started.length} features: ${started.join(', ')})`);
