/** Tests run the engine from its sources: core's verify, as engine.js carries it (src/core/verify/engine.ts). */
import type { Engine, LoadEngine } from '../../src/core/verify/engine.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const engine: Engine = { verify };
export const loadEngine: LoadEngine = async () => engine;
