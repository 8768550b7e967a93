/**
 * The one import of webextension-polyfill. It throws when loaded outside an extension, so only
 * entry points (src/background/index.ts, src/popup/main.tsx, src/content/*.ts) reach it, through
 * the wrappers of src/platform; components and services receive narrow interfaces instead.
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime } from 'webextension-polyfill';
export default browser;
