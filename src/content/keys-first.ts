/**
 * Content script for the picker sites, run at `document_start` (before any of the page's scripts): the window's
 * first capturing listener for the keys, input, clipboard and drag events of Lanyard's picker, so that the page
 * never hears what the user searches for (src/content/dom/key-shield.ts). Nothing else.
 */
import { listenFirst } from './dom/key-shield.ts';

listenFirst();
