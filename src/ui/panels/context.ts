// What every panel gets: the viewer's view, a way to act, and shared UI memory.
import type { BotReason, Controller, DispatchResult } from '../controller';
import type { Action, FeeLevel, LoadedLevel, PlayerView, StateId } from '../sim';

export interface OrdersDraft {
  turn: number;
  invest: Record<string, number>;
  fees: Record<string, FeeLevel>;
  security: number;
  intelTarget: StateId | '';
  intelAmount: number;
}

export interface ProposalDraft {
  kind: 'segmentDeal' | 'securityPact' | 'powerPledge' | 'peaceStep' | 'summit';
  segment: string;
  shares: Record<StateId, number>; // percent
  feeCap: FeeLevel;
  members: StateId[];
  contribution: number;
  duration: number;
  stage: string;
  perTurn: number;
  turns: number;
  pledgers: StateId[];
  attendees: StateId[];
}

/** UI memory per seat (never game state): drafts, the open tab, the last turn seen. */
export interface SeatMemory {
  tab: string;
  lastSeenTurn: number;
  lastSeenPhase: string;
  orders: OrdersDraft | null;
  proposal: ProposalDraft | null;
  reportTurn: number | null;
}

export interface PanelContext {
  view: PlayerView;
  me: StateId;
  level: LoadedLevel;
  /** The running game; null in the replay viewer, where panels are read-only. */
  controller: Controller | null;
  /** The bots' reasons for a proposal where they come from elsewhere than the controller
   * (the facilitator window: their real reasons, read beside the save). */
  reasonsFor?: (proposal: string) => readonly { player: StateId; kind: BotReason['kind']; said: string }[];
  memory: SeatMemory;
  /** The sim's reason for refusing the last action, shown next to the control that sent it. */
  error: string | null;
  /** Sends an action; shows the sim's error to the user when it is refused. */
  act(action: Action, success?: string): DispatchResult;
  rerender(): void;
  showTab(tab: string): void;
  focusSegment(id: string): void;
  highlightSegment(id: string | null): void;
}
