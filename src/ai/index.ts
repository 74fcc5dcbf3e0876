// Bots and the loop that runs them. UI and CLI import from here and from src/sim/index.ts.
export { runBots, botChoices, type BotLogEntry, type RunBotsOptions } from './driver';
export { diplomacyChoices, orderChoice, investable, type BotChoice } from './bot';
export { nextHumanSeat } from './seats';
