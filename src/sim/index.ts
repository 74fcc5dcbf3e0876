// The public API of the simulation. Everything outside src/sim imports from here.
// The level is passed explicitly: a state names its level by id and content hash and
// never embeds it, so saves and replays stay small and a level is frozen once.
export { newGame, openGame, checkSeats, seedProblem, MAX_SEED_LENGTH, type NewGameOptions, type Seats } from './state';
export { applyAction, openStep, closeRun, checkpointOpen, checkAction, emptyOrders, investReason } from './actions';
export { legalActions } from './legal';
export { MAX_PLEDGE_PER_TURN } from './proposals';
export { money, mt, mtValue } from './util';
export { viewFor, audienceLabel, canRead, estimateOf, periodOf, waitingFor, gameStatus, phaseOf, winnerOf, winnersOf, type GameStatus, type ViewOptions } from './view';
export { loadLevelData, parseLevelText, formatFinding, formatPath, type Finding, type LoadedLevel, type LevelLoad } from './level';
export { BASEMAP_BBOX, mapKey } from './map-coverage';
export { LEVEL_FORMAT_VERSION, FEE_LEVELS, MODES, type Level, type FeeLevel } from './level-schema';
export { canonicalJson, compareStrings, hashValue } from './hash';
export {
  REPLAY_FORMAT, REPLAY_VERSION, makeReplay, migrateReplay, parseReplay, parseReplayText, embeddedLevel, inFile, verifyReplay, rerunOnLevel,
  type Replay, type Rerun, type ReplayInput, type ReplayParse, type ReplayMigration, type VerifyResult,
} from './replay';
export { stepRecorded, type RecordedEntry, type RecordedStep } from './recorded';
export { undoBlock, undoable, undoRefusal, type UndoStep } from './undo';
export { stateHash, fullStateHash, NARRATION } from './checkpoint';
export type * from './types';
