import { describe, expect, it } from '@jest/globals';
import type { Application, Demand } from '@jiebang/shared';
import { demand as demandFixture } from '../../../test/support/fixtures';
import {
  applicationContribution,
  contributionDelta,
  demandContribution,
  monthOf,
  shardOf,
  STATS_SHARDS,
} from './stats';

const names = (cs: { name: string; n: number }[]) => cs.map((c) => `${c.name}${c.n > 0 ? '+' : ''}${c.n}`).sort();

describe('monthOf: the programme month, Beijing time', () => {
  it('turns at 16:00 UTC of the last day', () => {
    expect(monthOf('2026-04-30T15:59:59.999Z')).toBe('2026-04');
    expect(monthOf('2026-04-30T16:00:00.000Z')).toBe('2026-05');
    expect(monthOf('2026-12-31T16:00:00.000Z')).toBe('2027-01');
    expect(monthOf('2026-05-01T00:00:00+08:00')).toBe('2026-05');
  });
});

describe('shardOf', () => {
  it('is stable and within the shards', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `01JB${i}`);
    for (const id of ids) expect(shardOf(id)).toBe(shardOf(id));
    const used = new Set(ids.map(shardOf));
    expect([...used].every((s) => s >= 0 && s < STATS_SHARDS)).toBe(true);
    expect(used.size).toBe(STATS_SHARDS);
  });
});

describe('demandContribution', () => {
  const d = demandFixture({
    id: 'D1',
    field: 'new_materials',
    region: '330000',
    campaignYear: 2026,
    submittedAt: '2026-03-31T16:30:00.000Z',
    publishedAt: '2026-04-10T02:00:00.000Z',
  });
  it('a draft counts for nothing; a published demand in its status, its submission and publication months', () => {
    expect(demandContribution({ ...d, status: 'draft' })).toEqual([]);
    expect(demandContribution(null)).toEqual([]);
    expect(names(demandContribution(d))).toEqual([
      'd|published|new_materials|large+1',
      'm|2026-04|published+1',
      'm|2026-04|submitted+1',
    ]);
  });
  it('流榜 adds its month; the track of another area is kept', () => {
    const n = { ...d, status: 'no_selection', decidedAt: '2026-06-01T01:00:00.000Z' } as Demand;
    expect(names(demandContribution(n))).toContain('m|2026-06|no_selection+1');
    expect(names(demandContribution({ ...d, track: 'sme' } as Demand))).toContain('d|published|new_materials|sme+1');
  });
  it('a transition moves only what changed', () => {
    const after = { ...d, status: 'evaluating' } as Demand;
    expect(names(contributionDelta(demandContribution(d), demandContribution(after)))).toEqual([
      'd|evaluating|new_materials|large+1',
      'd|published|new_materials|large-1',
    ]);
    expect(contributionDelta(demandContribution(d), demandContribution(d))).toEqual([]);
  });
});

describe('applicationContribution', () => {
  const a = {
    id: 'A1',
    authorityRegion: '440300',
    status: 'released',
    submittedAt: '2026-05-02T02:00:00.000Z',
  } as Application;
  it('counts once submitted, selected, accepted and in the supplier catalogue', () => {
    expect(applicationContribution({ ...a, status: 'draft' })).toEqual([]);
    expect(names(applicationContribution(a))).toEqual(['m|2026-05|applications+1']);
    expect(names(applicationContribution({ ...a, status: 'not_selected', decidedAt: '2026-07-01T00:00:00Z' }))).toEqual(
      ['m|2026-05|applications+1'],
    );
    const accepted = {
      ...a,
      status: 'accepted',
      decidedAt: '2026-07-01T00:00:00.000Z',
      acceptance: { result: 'passed', supplierCatalogue: true, recordedAt: '2026-11-01T00:00:00.000Z' },
    } as Application;
    expect(names(applicationContribution(accepted))).toEqual([
      'm|2026-05|applications+1',
      'm|2026-07|selected+1',
      'm|2026-11|accepted+1',
      'm|2026-11|supplier+1',
    ]);
    const failed = { ...accepted, status: 'acceptance_failed' } as Application;
    expect(names(applicationContribution(failed))).not.toContain('m|2026-11|accepted+1');
  });
});
