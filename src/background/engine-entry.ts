/**
 * engine.js: the verification engine as a classic script of its own (vite.config.ts builds it as
 * an IIFE). Evaluating it leaves the engine on the global scope under ENGINE_GLOBAL, once; the
 * background finds it there (src/platform/engine-loader.ts). See src/core/verify/engine.ts.
 */
import { verify } from '../core/verify/pipeline.ts';
import { matchRecipient } from '../core/verify/recipient-match.ts';
import { ENGINE_GLOBAL, type Engine } from '../core/verify/engine.ts';

const scope = globalThis as unknown as Record<string, Engine | undefined>;
scope[ENGINE_GLOBAL] ??= Object.freeze({ verify, matchRecipient });
