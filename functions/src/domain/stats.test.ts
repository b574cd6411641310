import { describe, expect, it } from '@jest/globals';
import { FIELD_KEYS, type Application, type Demand } from '@jiebang/shared';
import { demand as demandFixture } from '../../../test/support/fixtures';
import {
  applicationContribution,
  contributionDelta,
  demandContribution,
  eventContribution,
  eventStatsRegion,
  meetingContribution,
  monthOf,
  outcomeContribution,
  registrationContribution,
  shardOf,
  STATS_SHARDS,
  NATION,
  withNation,
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
      'f|new_materials+1',
      'm|2026-04|published+1',
      'm|2026-04|submitted+1',
      's|published+1',
      't|large+1',
    ]);
  });
  it('流榜 adds its month; the track of another area is kept', () => {
    const n = { ...d, status: 'no_selection', decidedAt: '2026-06-01T01:00:00.000Z' } as Demand;
    expect(names(demandContribution(n))).toContain('m|2026-06|no_selection+1');
    expect(names(demandContribution({ ...d, track: 'sme' } as Demand))).toContain('t|sme+1');
  });
  it('a transition moves only what changed', () => {
    const after = { ...d, status: 'evaluating' } as Demand;
    expect(names(contributionDelta(demandContribution(d), demandContribution(after)))).toEqual([
      's|evaluating+1',
      's|published-1',
    ]);
    expect(contributionDelta(demandContribution(d), demandContribution(d))).toEqual([]);
  });
});

describe('withNation: the national items', () => {
  it('repeat each name in the nation’s item of the same shard, with the region’s line', () => {
    const d = demandFixture({ id: 'D2', field: 'new_materials', region: '330000', campaignYear: 2026 });
    const all = withNation(demandContribution(d));
    const national = all.filter((c) => c.region === NATION);
    expect(names(national)).toEqual(
      names([
        ...demandContribution(d),
        { name: 'r|330000|d', n: 1 },
        ...demandContribution(d)
          .filter((c) => c.name.startsWith('m|'))
          .map((c) => ({ name: `r|330000|${c.name.split('|')[2]}`, n: 1 })),
      ]),
    );
    expect(new Set(national.map((c) => c.shard))).toEqual(new Set([shardOf('D2')]));
    // Linear: the expansion of a delta, summed, is the delta of the expansions (the region's line cancels).
    const after = { ...d, status: 'evaluating' } as Demand;
    expect(
      names(contributionDelta([], withNation(contributionDelta(demandContribution(d), demandContribution(after))))),
    ).toEqual(names(contributionDelta(withNation(demandContribution(d)), withNation(demandContribution(after)))));
  });
  it('bound an item by the names, not by the records: a thousand demands of one shard make ≤ statuses + fields + tracks + months × metrics', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      demandFixture({
        id: `D${i}`,
        status: (['submitted', 'published', 'evaluating', 'no_selection'] as const)[i % 4],
        field: FIELD_KEYS[i % FIELD_KEYS.length]!,
        region: '330000',
        campaignYear: 2026,
        submittedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-10T02:00:00.000Z`,
        publishedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-11T02:00:00.000Z`,
        decidedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-12T02:00:00.000Z`,
      }),
    );
    const regional = new Set(many.flatMap((d) => demandContribution(d).map((c) => c.name)));
    expect(regional.size).toBeLessThanOrEqual(4 + FIELD_KEYS.length + 1 + 12 * 3);
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

// events (百场万企)
describe('event contributions', () => {
  const event = { id: 'e1', region: '440000', startsAt: '2026-05-31T16:00:00.000Z' };
  it('an event counts once published, in the month it starts (Beijing), where it is held; not as a draft or cancelled', () => {
    expect(eventContribution({ ...event, status: 'draft' })).toEqual([]);
    expect(eventContribution({ ...event, status: 'cancelled' })).toEqual([]);
    expect(eventContribution(null)).toEqual([]);
    expect(eventContribution({ ...event, status: 'published' })).toEqual([
      expect.objectContaining({ year: 2026, region: '440000', name: 'm|2026-06|events', n: 1 }),
    ]);
    // Cancelling a published event takes it off again.
    expect(
      contributionDelta(
        eventContribution({ ...event, status: 'published' }),
        eventContribution({ ...event, status: 'cancelled' }),
      ),
    ).toEqual([expect.objectContaining({ name: 'm|2026-06|events', n: -1 })]);
  });

  it('the region is the authority of the event’s division: a city of 深圳 counts for 深圳, of 广州 for 广东', () => {
    expect(eventStatsRegion('440305')).toBe('440300');
    expect(eventStatsRegion('440106')).toBe('440000');
    expect(eventStatsRegion('440000')).toBe('440000');
    expect(eventStatsRegion('710000')).toBe('710000');
  });

  it('a registrant counts once approved (not pending, not rejected, not without its region)', () => {
    const r = { id: 'r1', eventStartsAt: '2026-06-01T01:00:00Z', statsRegion: '440000' };
    expect(registrationContribution({ ...r, status: 'pending' })).toEqual([]);
    expect(registrationContribution({ ...r, status: 'rejected' })).toEqual([]);
    expect(registrationContribution({ ...r, status: 'approved', statsRegion: undefined })).toEqual([]);
    expect(names(registrationContribution({ ...r, status: 'approved' }))).toEqual(['m|2026-06|registrants+1']);
  });

  it('a meeting counts once accepted, in its slot’s month', () => {
    const m = { id: 'm1', slotStart: '2026-06-30T15:40:00Z', statsRegion: '440000' };
    expect(meetingContribution({ ...m, status: 'requested' })).toEqual([]);
    expect(meetingContribution({ ...m, status: 'declined' })).toEqual([]);
    expect(names(meetingContribution({ ...m, status: 'accepted' }))).toEqual(['m|2026-06|meetings+1']);
    expect(names(meetingContribution({ ...m, status: 'accepted', slotStart: '2026-06-30T16:00:00Z' }))).toEqual([
      'm|2026-07|meetings+1',
    ]);
  });

  it('an outcome counts once confirmed; a contract adds its amount in whole 元', () => {
    const o = { id: 'o1', statsRegion: '440000', confirmedAt: '2026-06-02T02:00:00Z' };
    expect(outcomeContribution({ ...o, status: 'recorded', kind: 'contract', amount: 5 })).toEqual([]);
    expect(outcomeContribution({ ...o, status: 'confirmed', kind: 'intention', confirmedAt: undefined })).toEqual([]);
    expect(names(outcomeContribution({ ...o, status: 'confirmed', kind: 'intention' }))).toEqual([
      'm|2026-06|outcomes+1',
    ]);
    expect(names(outcomeContribution({ ...o, status: 'confirmed', kind: 'contract', amount: 0.1 }))).toEqual([
      'm|2026-06|amount+1000',
      'm|2026-06|outcomes+1',
    ]);
    // A contract of 0 万元 counts as an outcome, adds no amount.
    expect(names(outcomeContribution({ ...o, status: 'confirmed', kind: 'contract', amount: 0 }))).toEqual([
      'm|2026-06|outcomes+1',
    ]);
    expect(names(outcomeContribution({ ...o, status: 'confirmed', kind: 'contract', amount: 12.3456 }))).toEqual([
      'm|2026-06|amount+123456',
      'm|2026-06|outcomes+1',
    ]);
  });
});
