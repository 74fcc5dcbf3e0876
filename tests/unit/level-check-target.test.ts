// The shared goal (targetThroughput) is checked against the same bound on throughput as the
// throughputAtLeast agendas: a target the corridor can never carry is warned about.
import { describe, expect, it } from 'vitest';
import { variantFindings } from '../harness/level-variant';

const findings = variantFindings;

describe('targetThroughput', () => {
  it('warns when the origin segments can never carry the target', () => {
    expect(findings((l) => (l.targetThroughput = 20001))).toEqual([
      'warning $.targetThroughput: the cargo segments at the origins can carry at most 20000 kt a year in all, so throughput never reaches 20001 kt and the shared goal is never met',
    ]);
  });

  it('warns when demand can never grow to the target', () => {
    expect(findings((l) => {
      l.demand.start = 5000;
      l.targetThroughput = 19000;
    })).toEqual(['warning $.targetThroughput: demand is at most 9868 kt a year by the last turn, so throughput never reaches 19000 kt and the shared goal is never met']);
  });

  it('is silent for a target the corridor can just carry', () => {
    expect(findings((l) => (l.targetThroughput = 20000))).toEqual([]);
  });
});
