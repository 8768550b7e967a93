/**
 * Content script for Gmail and Outlook on the web (one standalone file for both: each feature's
 * predicate keeps it to its own site). Adds "Insert badge" to every compose window.
 */
import { composeFeature } from './features/mail-compose.ts';
import { runFeatures, type Feature } from './loader.ts';
import { gmail } from './sites/gmail.ts';
import { outlook } from './sites/outlook.ts';

const features: readonly Feature[] = [composeFeature(gmail), composeFeature(outlook)];

const controller = new AbortController();
const started = runFeatures(features, controller.signal);
console.debug('[lanyard] mail content script loaded, features:', started);
