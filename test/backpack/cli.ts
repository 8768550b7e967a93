/**
 * `npm run backpack -- [--port N] [--badges N] [--mix] [--delay MS] [--pause] [--cors] [--hostile]`: starts the test
 * backpack on 127.0.0.1 (port 8787 by default) and prints its base URL. While it runs, lines on
 * stdin steer it: `pause`, `resume`, `delay MS`, `fail STATUS`, `drop`; SIGUSR1 toggles the pause.
 */
import { startBackpack, type BackpackOptions } from './server.ts';
import { ADA, GRACE } from './seed-data.ts';

const USAGE = 'usage: npm run backpack -- [--port N] [--badges N] [--mix] [--delay MS] [--pause] [--cors] [--hostile]';

function parse(argv: string[]): (BackpackOptions & { pause: boolean }) | string {
  const o: BackpackOptions & { pause: boolean } = { port: 8787, pause: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number | undefined => {
      const v = Number(argv[++i]);
      return Number.isInteger(v) && v >= 0 ? v : undefined;
    };
    if (a === '--pause') o.pause = true;
    else if (a === '--cors') o.cors = true;
    else if (a === '--hostile') o.hostile = true;
    else if (a === '--mix') o.mix = true;
    else if (a === '--port' || a === '--badges' || a === '--delay') {
      const v = num();
      if (v === undefined) return `${a} needs a non-negative integer`;
      if (a === '--port') o.port = v;
      else if (a === '--badges') o.badges = v;
      else o.delayMs = v;
    } else if (a === '--help' || a === '-h') return USAGE;
    else return `unknown argument ${a}\n${USAGE}`;
  }
  return o;
}

export async function runCli(argv: string[]): Promise<void> {
  const o = parse(argv);
  if (typeof o === 'string') {
    console.error(o);
    process.exit(2);
  }
  let bp;
  try {
    bp = await startBackpack(o);
  } catch (e) {
    console.error(`test backpack: cannot listen on 127.0.0.1:${o.port}: ${(e as Error).message}`);
    process.exit(1);
  }
  const { baseUrl, control } = bp;
  if (o.pause) control.pause();
  console.log(baseUrl);
  console.error(`Lanyard test backpack at ${baseUrl}${o.pause ? ' (paused)' : ''}`);
  console.error(`  accounts: ${ADA.username} / ${ADA.password}, ${GRACE.username} / ${GRACE.password}`);
  console.error(`  Badgr: ${baseUrl}/o/token  OB 3.0: ${baseUrl}/ims/ob/v3p0/discovery  Badge Connect: ${baseUrl}/.well-known/badgeconnect.json`);
  console.error('  stdin: pause | resume | delay MS | fail STATUS | drop');
  process.on('SIGUSR1', () => (control.paused ? control.resume() : control.pause()));
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').map((l) => l.trim()).filter(Boolean)) {
      const [cmd, arg] = line.split(/\s+/);
      if (cmd === 'pause') control.pause();
      else if (cmd === 'resume') control.resume();
      else if (cmd === 'delay') control.setDelay(Number(arg) || 0);
      else if (cmd === 'fail') control.failNext(Number(arg) || 500);
      else if (cmd === 'drop') control.failNext({ drop: true });
      else console.error(`unknown command: ${line}`);
      console.error(`test backpack: ${line} (paused: ${control.paused}, delay: ${control.delayMs} ms)`);
    }
  });
  const stop = (): void => void bp.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
