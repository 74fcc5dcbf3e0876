// One child process of batch-pool.ts: loads the level it is sent, then plays each chunk of
// seeds it is handed and sends the games back, until the parent disconnects.
import { parseLevelText, type LoadedLevel } from '../sim/index';
import { playBatch } from './batch';
import type { FromChild, ToChild } from './batch-pool';
import { CliError } from './common';

let level: LoadedLevel | null = null;
let turns = 0;

const reply = (m: FromChild) => process.send?.(m);

process.on('message', (m: ToChild) => {
  try {
    if ('levelText' in m) {
      const r = parseLevelText(m.levelText);
      if (!r.ok) throw new CliError('the level did not load in a game process');
      level = r.level;
      turns = m.turns;
      return;
    }
    if (!level) throw new CliError('a game process was sent seeds before its level', 3);
    reply({ chunk: m.chunk, games: playBatch(level, m.seeds, turns) });
  } catch (e) {
    reply(e instanceof CliError ? { error: e.message, code: e.code } : { error: `internal error: ${(e as Error).message}`, code: 3 });
  }
});
process.on('disconnect', () => process.exit(0));
