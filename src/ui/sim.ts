// The UI's one doorway into the game: the sim's public API and the bots. Nothing in
// src/ui imports sim internals; GameState stays opaque here (only viewFor reads it).
export {
  newGame,
  applyAction,
  legalActions,
  viewFor,
  stateHash,
  parseLevelText,
  loadLevelData,
  formatPath,
  emptyOrders,
  gameStatus,
  FEE_LEVELS,
} from '../sim/index';
export type {
  LoadedLevel,
  Finding,
  LevelLoad,
  GameState,
  PlayerView,
  Action,
  Orders,
  ProposalTerms,
  ProposalView,
  SegmentView,
  StateView,
  StateId,
  Viewer,
  FeeLevel,
  LogEntry,
  Estimate,
} from '../sim/index';
export { runBots, nextHumanSeat } from '../ai/index';
