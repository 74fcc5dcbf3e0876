// npm run -s replay -- verify FILE
// npm run -s replay -- show FILE [--turn T] [--view V]
// Exit codes: 0 ok; 1 the replay diverged; 2 the file is malformed, truncated or for another level.
import { embeddedLevel, inFile, parseReplayText, verifyReplay, type Replay } from '../sim/replay';
import { viewFor, type LoadedLevel } from '../sim/index';
import { checkViewer, CliError, parseFlags, parseInteger, readLevel, readText, runCli, shippedLevelFile } from './common';
import { setupSummary, turnSummary } from './summary';

// A version-1 file's checkpoints use an older hash: its actions were re-run, not compared.
const UNCHECKED = ' (replay format 1: its checkpoint hashes are from an older version of Corridor and were not compared)';
const USAGE = 'usage: npm run -s replay -- verify FILE\n       npm run -s replay -- show FILE [--turn T] [--view VIEWER]';

function readReplay(file: string): Replay {
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    throw new CliError((e as Error).message, 2); // exit 1 means "diverged"
  }
  const r = parseReplayText(text);
  if (!r.ok) throw new CliError(inFile(file, r.error), 2);
  return r.replay;
}


/** The embedded level, or the shipped level of that id; its hash must match. */
function levelFor(file: string, replay: Replay): LoadedLevel {
  const embedded = embeddedLevel(replay);
  if (embedded) {
    if (!embedded.ok) throw new CliError(inFile(file, embedded.error), 2);
    return embedded.level;
  }
  const path = shippedLevelFile(replay.level.id);
  if (!path) {
    throw new CliError(`${file}: $.level.id: "${replay.level.id}" is not a shipped level and the replay does not embed its level`, 2);
  }
  let level: LoadedLevel;
  try {
    level = readLevel(path);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  if (level.hash !== replay.level.hash) {
    throw new CliError(`${file}: $.level.hash: recorded on a different version of "${replay.level.id}" (hash ${replay.level.hash}; the shipped level is ${level.hash})`, 2);
  }
  return level;
}

runCli(() => {
  const { flags, rest } = parseFlags(process.argv.slice(2), { turn: 'string', view: 'string', help: 'boolean' }, USAGE);
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command, file, ...more] = rest;
  if (command && command !== 'verify' && command !== 'show') throw new CliError(`unknown command "${command}"\n${USAGE}`, 2);
  if (!command || !file || more.length) throw new CliError(USAGE, 2);
  if (command === 'verify') for (const f of ['turn', 'view']) if (flags[f] !== undefined) throw new CliError(`--${f} is for show, not verify\n${USAGE}`, 2);
  const replay = readReplay(file);
  const level = levelFor(file, replay);
  const result = verifyReplay(level, replay, { keepStates: command === 'show' });
  if (!result.ok) throw new CliError(result.kind === 'invalid' ? `${file}: ${result.message}` : result.message, result.kind === 'invalid' ? 2 : 1);
  if (command === 'verify') {
    process.stdout.write(`ok: ${result.turns} turns, final hash ${result.finalHash}${result.unchecked ? UNCHECKED : ''}\n`);
    return;
  }
  const turn = flags.turn === undefined ? result.turns : parseInteger(flags.turn as string, 'turn', 0, result.turns);
  const v = checkViewer(level, (flags.view as string) ?? 'public');
  const view = viewFor(level, result.states[turn], v);
  process.stdout.write(turn === 0 ? setupSummary(level, view, replay.seed) : turnSummary(level, view, turn));
});
