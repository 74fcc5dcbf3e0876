// GameState: everything, hidden parts included. Plain JSON only (no classes, Maps,
// undefined or functions) so that it hashes, saves and round-trips exactly.
// Nothing outside src/sim reads it: they get viewFor(state, viewer).
import type { FeeLevel, SegmentStatus } from './level-schema';

export type StateId = string;
export type Viewer = StateId | 'public' | 'facilitator';
export type Phase = 'diplomacy' | 'orders' | 'ended';

/** seedrandom ARC4 state ({state: true}). */
export interface RngState { i: number; j: number; S: number[] }

export interface PlayerState {
  treasury: number;
  income: number;
  stability: number;
  security: number;
  reputation: number;
  agenda: string; // id of the secret agenda drawn for this game (hidden)
  fees: Record<string, FeeLevel>; // segment id -> fee level this state sets (own segments)
  intel: Record<StateId, number>; // accumulated intelligence level on each other state, 0..100
  revenueTotal: number; // transit + power revenue over the game, $M
  revenueLast: number; // last turn's revenue
  joinedPact: boolean; // ever a member of a security pact (for agendas)
  pactPartners: StateId[]; // every state it has shared a pact with, sorted
}

export interface SegmentState {
  status: SegmentStatus;
  capacity: number; // kt/yr
  risk: number;
  funded: number; // $M put in towards the current build/upgrade/repair
  progress: number; // turns of building done
  upgrading: boolean;
  feeCap: FeeLevel | null; // from a ratified segment deal
  cofunders: StateId[]; // sorted; states that may invest besides owners
  flow: number; // kt/yr carried last turn
  openedTurn: number | null;
  /** Only while damaged: what had been paid towards an upgrade not yet under way, given back
   * (as `funded`) at the repair, which is funded apart. Absent otherwise. */
  upgradeHeld?: number;
}

export interface AltRouteState { capacity: number; cost: number; risk: number; flow: number }

export interface PowerStageState {
  funded: number;
  progress: number;
  status: 'planned' | 'building' | 'done';
  contributions: Record<StateId, number>;
}

export interface SecurityPact {
  id: string;
  members: StateId[]; // sorted
  contribution: number; // $M per member per turn
  formedTurn: number;
  endsTurn: number; // last turn it is in force
}

export interface Pledge {
  id: string;
  state: StateId;
  stage: string; // power stage id
  perTurn: number;
  turnsLeft: number;
  paid: number;
  withheld: number;
}

export type ProposalTerms =
  | { kind: 'segmentDeal'; segment: string; shares: Record<StateId, number>; feeCap: FeeLevel }
  | { kind: 'securityPact'; members: StateId[]; contribution: number; duration: number }
  | { kind: 'powerPledge'; stage: string; perTurn: number; turns: number; pledgers: StateId[] }
  | { kind: 'peaceStep' }
  | { kind: 'summit'; attendees: StateId[] };

export type ProposalKind = ProposalTerms['kind'];

export type Response = 'pending' | 'accepted' | 'rejected';

export interface Proposal {
  id: string; // "p<turn>-<n>"
  turn: number;
  from: StateId;
  parties: StateId[]; // everyone who must accept, proposer included (sorted)
  terms: ProposalTerms;
  responses: Record<StateId, Response>;
  status: 'open' | 'bound' | 'lapsed' | 'rejected' | 'ratified' | 'failed';
}

export interface Orders {
  invest: { segment: string; amount: number }[];
  fees: Record<string, FeeLevel>;
  security: number; // $M
  intel: { target: StateId; amount: number } | null;
}

/** Who may read a log entry: everyone, a list of states, or only the facilitator. */
export type Audience = 'all' | 'facilitator' | StateId[];

export interface Cause { text: string; to: Audience }

export interface LogEntry {
  turn: number;
  step: string; // resolution step or 'news' / 'diplomacy'
  text: string;
  to: Audience;
  causes: Cause[];
}

export interface AnimosityChange { turn: number; from: string; to: string; delta: number; value: number; cause: string }

export interface TurnRecord {
  turn: number;
  throughput: number; // kt/yr on middle-corridor routes
  demand: number;
  routeFlows: Record<string, number>; // route id -> kt/yr (middle routes and alternatives)
  scores: Record<StateId, number>;
  treasury: Record<StateId, number>;
  stability: Record<StateId, number>;
  meanAnimosity: number;
  peaceStage: number;
  powerStagesDone: number;
}

/** Security and reputation by state after a turn's resolution (GameState.turnFigures). */
export interface TurnFigures { turn: number; security: Record<StateId, number>; reputation: Record<StateId, number> }

/** A turn record as a view gives it: the mean animosity between the player states is a
 * hidden value (null until the viewer sees them all). */
export type TurnRecordView = Omit<TurnRecord, 'meanAnimosity'> & {
  meanAnimosity: number | null;
  /** Each state's security and reputation after the turn (public): null in a run without narration. */
  security: Record<StateId, number> | null;
  reputation: Record<StateId, number> | null;
};

export interface GameState {
  format: 'corridor-state';
  levelId: string;
  levelHash: string;
  seed: string;
  seats: Record<StateId, 'human' | 'bot'>;
  rng: RngState;
  turn: number; // 0 before the first turn is dealt; 1..level.turns
  phase: Phase;
  revealed: boolean; // facilitator revealed hidden animosities to everyone
  players: Record<StateId, PlayerState>;
  stances: Record<string, number>; // outside force -> 0..100 (hidden)
  animosity: Record<string, Record<string, number>>; // hidden
  perception: Record<string, Record<string, number>>; // hidden offset bp 0..10000 of the true value inside a viewer's estimate band
  segments: Record<string, SegmentState>;
  altRoutes: Record<string, AltRouteState>;
  power: Record<string, PowerStageState>; // by stage id
  powerEnergisedTurn: number | null;
  peaceStage: number; // index into level.peaceTrack.stages
  peaceHeld: boolean; // false once the track has ever fallen back
  demand: number; // kt/yr
  pacts: SecurityPact[];
  pledges: Pledge[];
  proposals: Proposal[]; // this turn's and every bound one (history kept for the debrief)
  nextProposal: number;
  diplomacyDone: Record<StateId, boolean>;
  orders: Record<StateId, Orders | null>; // secret until resolution
  news: string[]; // event ids drawn this turn
  injected: string[]; // event ids the facilitator queued for next turn's news
  eventsSeen: string[];
  log: LogEntry[][]; // log[t] = entries of turn t
  animosityLog: AnimosityChange[];
  /** Each state's security and reputation as each turn's resolution left them (before the next
   * turn's news), for the debrief: narration, out of the checkpoint hash like the logs, so the
   * turn records and every hash stay as they were before it. Empty in a silent run. */
  turnFigures: TurnFigures[];
  history: TurnRecord[];
  scores: Record<StateId, number>;
  /** Set on a run that only checks hashes (a replay verified without keeping its states): it
   * writes no narration, so log and animosityLog stay empty. Left out of the checkpoint hash
   * with them, so its hashes are the narrated game's. Absent in every other game. */
  silent?: true;
  /** The turn after whose resolution the game ends, set when the facilitator ends it early
   * (absent: the level's last turn). Absent in every other game, so their hashes are as
   * they were before early ends existed. */
  endsAfter?: number;
}

// ---------- actions ----------
export type Action =
  | { type: 'propose'; player: StateId; terms: ProposalTerms }
  | { type: 'respond'; player: StateId; proposal: string; accept: boolean }
  | { type: 'endDiplomacy'; player: StateId }
  | { type: 'submitOrders'; player: StateId; orders: Orders }
  | { type: 'inject'; player: 'facilitator'; event: string }
  | { type: 'reveal'; player: 'facilitator' }
  /** Ends the game when the current turn resolves, scored as a last turn is (a class out of time). */
  | { type: 'endEarly'; player: 'facilitator' };

export type ActionResult = { ok: true; state: GameState } | { ok: false; error: string };

// ---------- views: the only shape in which state leaves src/sim ----------
/** An estimate of a hidden 0..100 value: the true value lies in [lo, hi]. */
export interface Estimate { lo: number; hi: number; label: 'low' | 'medium' | 'high' | 'uncertain' }

/** `kind`: what the agenda asks (level-schema's agenda kinds, e.g. powerLineBy), so a bot need not read its name. */
export interface AgendaView { id: string; kind: string; name: string; text: string; met: boolean; progress: string }

export interface StateView {
  id: StateId;
  name: string;
  seat: 'human' | 'bot';
  treasury: number;
  income: number;
  stability: number;
  security: number;
  reputation: number;
  revenueLast: number;
  revenueTotal: number;
  score: number;
  objective: string;
  diplomacyDone: boolean;
  ordersSubmitted: boolean;
  inPact: boolean;
  agenda: AgendaView | null; // only for the viewer itself, the facilitator, or after the game
}

/** A score's parts (RULES.md, scores): head start + prosperity + stability and reputation
 * gained since the start + the agenda's points (only in the final score, when it is met). */
export interface ScoreParts { headStart: number; prosperity: number; stability: number; reputation: number; agenda: number }

export interface SegmentView {
  id: string;
  name: string;
  from: string;
  to: string;
  mode: string;
  owners: StateId[];
  status: SegmentState['status'];
  usable: boolean; // open and its `requires` met
  capacity: number;
  cost: number;
  funded: number;
  progress: number;
  buildTurns: number;
  risk: number;
  flow: number;
  fee: Record<StateId, FeeLevel>; // each owner's fee level
  feeCap: FeeLevel | null;
  cofunders: StateId[];
  requires: string | null; // peace stage name required
  /** Its index in the track's stages (two stages may share a name). */
  requiresStage: number | null;
  upgrading: boolean;
  /** Capacity after the level's upgrade while that upgrade is still to be funded, else null. */
  upgradeTo: number | null;
}

export interface ProposalView {
  id: string;
  turn: number;
  from: StateId;
  parties: StateId[];
  terms: ProposalTerms;
  responses: Record<StateId, Response>;
  status: Proposal['status'];
  summary: string;
}

export interface PlayerView {
  viewer: Viewer;
  levelId: string;
  levelHash: string;
  seed: string | null; // hidden from players in classroom mode? shown: replays are public by design
  turn: number;
  /** The last turn: the level's, or the one the facilitator ends the game after (endsEarly). */
  turns: number;
  /** The facilitator ends the game after turn `turns`, before the level's last. */
  endsEarly: boolean;
  /** What hosting a summit costs its host, $M (a level parameter, public). */
  summitCost: number;
  phase: Phase;
  /** Seats whose input the game is waiting for, in level order (who has not finished this phase). */
  waitingFor: StateId[];
  period: string; // "2027 H1"
  revealed: boolean;
  states: StateView[];
  segments: SegmentView[];
  altRoutes: { id: string; name: string; capacity: number; cost: number; risk: number; flow: number; days: number; sea: boolean }[];
  routes: { id: string; segments: string[]; flow: number; usable: boolean; cost: number }[];
  power: { id: string; name: string; from: string; to: string; hosts: StateId[]; cost: number; funded: number; progress: number; buildTurns: number; status: PowerStageState['status'] }[];
  powerEnergisedTurn: number | null;
  peace: { name: string; stage: number; stageName: string; stages: string[]; parties: StateId[]; guarantors: StateId[]; held: boolean } | null;
  pacts: SecurityPact[];
  pledges: Pledge[]; // every pledge: each comes from a ratified deal, which is public
  proposals: ProposalView[]; // those the viewer is party to (all for facilitator); bound ones are public
  news: { id: string; title: string; text: string }[];
  log: LogEntry[][]; // redacted: only entries and causes the viewer may read
  history: TurnRecordView[];
  demand: number;
  throughput: number;
  targetThroughput: number;
  /** The viewer's own row exactly (its grudges) — null for public unless revealed. */
  /** What this turn's resolution will ask the viewing state to pay after its orders (deal
   * shares, pledges, pact contributions); null for the public and the facilitator. */
  owed: number | null;
  ownAnimosity: Record<string, number> | null;
  /** Estimates of how others feel about the viewer. */
  perceived: Record<string, Estimate> | null;
  /** Full matrix: facilitator always, everyone once revealed. */
  animosity: Record<string, Record<string, number>> | null;
  animosityLog: AnimosityChange[] | null; // facilitator / revealed only
  stances: Record<string, number> | null; // facilitator / revealed only
  /** Events the facilitator has queued for next turn's news, in order: the facilitator's own. */
  injected: string[] | null;
  forces: { id: string; name: string; role: string }[];
  myOrders: Orders | null; // the viewer's own submitted orders this turn
  /** Every state's orders submitted this turn, by state (those not yet submitted absent):
   * the facilitator's only; sealed from every other viewer until the turn resolves. */
  allOrders: Record<StateId, Orders> | null;
  scores: Record<StateId, number>;
  /** What each final score is made of (they add up to it); null until the game has ended. */
  scoreParts: Record<StateId, ScoreParts> | null;
  /** When ended: the first of `winners` in level order (kept for older readers). */
  winner: StateId | null;
  /** When ended: every state on the highest final score, in level order (they share first place); [] before. */
  winners: StateId[];
  collective: { throughput: number; target: number; powerLine: boolean; peace: string; peaceHeld: boolean } ;
}
