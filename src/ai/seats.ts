// Whose input a game is waiting for, among the human seats (the hot-seat hand-off order).
import { gameStatus, type GameState, type LoadedLevel, type StateId } from '../sim/index';

export function nextHumanSeat(level: LoadedLevel, state: GameState): StateId | null {
  const st = gameStatus(level, state);
  return st.waitingFor.find((id) => st.seats[id] === 'human') ?? null;
}
