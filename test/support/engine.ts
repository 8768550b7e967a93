/** Tests run the engine from its sources: core's verify, as engine.js carries it (src/core/verify/engine.ts). */
import type { Engine, LoadEngine } from '../../src/core/verify/engine.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

const engine: Engine = { verify, matchRecipient };
export const loadEngine: LoadEngine = async () => engine;
