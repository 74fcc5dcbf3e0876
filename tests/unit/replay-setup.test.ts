// `replay show FILE --turn 0`: the state right after setup as the chosen view holds it (it
// printed one line, "Setup of ... (facilitator)", with no agenda, animosity or news).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setupSummary } from '../../src/cli/summary';
import { newGame, viewFor } from '../../src/sim/index';
import type { Replay } from '../../src/sim/replay';
import { runTool } from '../harness/cli';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');
const file = 'tests/golden/tutorial-golden-1.replay.json';
const replay = JSON.parse(readFileSync(file, 'utf8')) as Replay;
const shown = runTool('replay', ['show', file, '--turn', '0', '--view', 'facilitator']);

describe('the setup (turn 0) as each view holds it', () => {
  const s = newGame(tutorial, { seed: 'class-7' });
  const text = (v: 'facilitator' | 'public' | 'georgia') => setupSummary(tutorial, viewFor(tutorial, s, v), 'class-7');
  const agendas = tutorial.states.map((st) => viewFor(tutorial, s, 'facilitator').states.find((x) => x.id === st.id)!.agenda!);

  it('facilitator: every agenda, every animosity as drawn, the stances, the first news with its causes', () => {
    const t = text('facilitator');
    expect(t).toContain('== Setup of Tutorial: across the Caspian, seed "class-7" (facilitator)');
    for (const a of agendas) expect(t).toContain(`secret agenda: ${a.name}: ${a.text}`);
    expect(t).toContain(`Georgia: Kazakhstan ${s.animosity.georgia.kazakhstan}, Azerbaijan ${s.animosity.georgia.azerbaijan}`);
    expect(t).toContain(`Stances of the outside forces`);
    expect(t).toContain(`First news (turn 1`);
    expect(t).toMatch(/\[news\] .+\n +- drawn with weight/);
    expect(t, 'a cause reads on its own, with no "because" put before it').not.toContain('because');
  });

  it('public: the starting figures and the news, without secrets', () => {
    const t = text('public');
    for (const a of agendas) expect(t).not.toContain(a.text);
    expect(t).toContain('(the secret agendas are hidden from this view)');
    expect(t).toContain('Animosities: hidden from this view');
    expect(t).not.toMatch(/^ +- /m); // no causes: the news' are the facilitator's
    expect(t).not.toContain('Stances');
    expect(t).toMatch(/Georgia \(\w+\): treasury \$300M/);
    expect(t).toContain('[news] ');
  });

  it("a state: its own agenda and animosities and its estimates of the others', no one else's", () => {
    const t = text('georgia');
    const own = agendas[tutorial.states.findIndex((st) => st.id === 'georgia')];
    expect(t).toContain(`secret agenda: ${own.name}`);
    for (const a of agendas.filter((a) => a !== own)) expect(t).not.toContain(a.text);
    expect(t).toContain(`Your animosities as drawn (how much Georgia distrusts each): Kazakhstan ${s.animosity.georgia.kazakhstan}`);
    expect(t).toContain('Your estimates of how much each distrusts you: Kazakhstan ');
    expect(t).not.toContain('Animosities as drawn (how much each row');
  });

  it('is what `replay show FILE --turn 0` prints', async () => {
    const r = await shown;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`== Setup of Tutorial: across the Caspian, seed "${replay.seed}" (facilitator)`);
    expect(r.stdout).toContain('secret agenda: ');
    expect(r.stdout).toContain('Animosities as drawn');
    expect(r.stdout).toContain('First news (turn 1');
  });
});
