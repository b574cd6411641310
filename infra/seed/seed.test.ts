import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../../test/support/expect-with';
import {
  AUTHORITY_REGION_CODES,
  DEMO_IDENTITIES,
  authorityRegionOf,
  classify,
  divisionOfCreditCode,
  isOpen,
  isValidCreditCode,
} from '@jiebang/shared';
import { userIdForOpenid } from '../../functions/src/auth/identity';
import { isPublic } from '../../functions/src/domain/publication';
import { SEED_DEMANDS } from './demands';
import { ORG_IDS } from './orgs';
import { seedData } from './seed';

const NOW = new Date('2026-11-21T10:00:00Z');
const data = seedData(NOW);
const published = data.demands.filter((d) => d.status === 'published');

describe('demo seed data', () => {
  it('has valid, unique credit codes whose division is the enterprise region', () => {
    const codes = data.orgs.map((o) => o.creditCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of data.orgs) {
      expectWith(isValidCreditCode(o.creditCode), o.name).toBe(true);
      expect(divisionOfCreditCode(o.creditCode)).toBe(o.region);
      expect(o.authorityRegion).toBe(authorityRegionOf(o.region));
    }
  });

  it('classifies issuers as large and applicants as SMEs', () => {
    const large = data.orgs.filter((o) => o.kind === 'large');
    const smes = data.orgs.filter((o) => o.kind === 'sme');
    expect(large.length).toBeGreaterThanOrEqual(6);
    expect(new Set(large.map((o) => o.authorityRegion)).size).toBeGreaterThanOrEqual(4);
    expect(smes.length).toBeGreaterThanOrEqual(3);
    for (const o of data.orgs) {
      const r = classify(o.industry, o);
      expect(r.ok && r.size).toBe(o.size);
      expect(r.ok && r.isSme).toBe(o.kind === 'sme');
    }
  });

  it('grants an authority account for every authority region, and the demo identities', () => {
    const byOpenid = new Map(data.users.map((u) => [u.openid, u]));
    for (const code of AUTHORITY_REGION_CODES) {
      expect(byOpenid.get(`province-${code}`)?.roles).toEqual([`province:${code}`]);
    }
    expect(byOpenid.get('ministry')?.roles).toEqual(['ministry']);
    expect(byOpenid.get('admin')?.roles).toEqual(['admin']);
    expect(byOpenid.get('issuer-admin')).toMatchObject({ roles: ['org_admin'], orgId: ORG_IDS.huaxia });
    expect(byOpenid.get('issuer-reviewer')).toMatchObject({ roles: ['org_member', 'reviewer'], orgId: ORG_IDS.huaxia });
    expect(byOpenid.get('sme-admin')).toMatchObject({ roles: ['org_admin'], orgId: ORG_IDS.jingce });
    expect(byOpenid.get('sme-admin-2')).toMatchObject({ roles: ['org_admin'], orgId: ORG_IDS.xincai });
    expect(byOpenid.has('visitor')).toBe(false);
    for (const d of DEMO_IDENTITIES)
      if (d.openid !== 'visitor') expectWith(byOpenid.has(d.openid), d.openid).toBe(true);
    for (const u of data.users) expect(u.id).toBe(userIdForOpenid(u.openid));
    expect(byOpenid.get('province-440000')?.displayName).toBe('广东省中小企业主管部门');
  });

  it('publishes at least 14 demands across 8 fields and 4 regions, one anonymous, two closed', () => {
    expect(published.length).toBeGreaterThanOrEqual(14);
    expect(new Set(published.map((d) => d.field)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(published.map((d) => d.region)).size).toBeGreaterThanOrEqual(4);
    expect(published.filter((d) => d.anonymous).map((d) => d.id)).toEqual([SEED_DEMANDS.anonymous]);
    // Nothing public may point back to the anonymous issuer: it publishes nothing else.
    const anonymousIssuer = published.find((d) => d.anonymous)!.issuerOrgId;
    expect(published.filter((d) => d.issuerOrgId === anonymousIssuer)).toHaveLength(1);
    expect(published.filter((d) => !isOpen(d.applicationDeadline, NOW)).map((d) => d.id)).toEqual([
      SEED_DEMANDS.closed,
      SEED_DEMANDS.evaluating,
    ]);
    for (const d of published) {
      if (d.id === SEED_DEMANDS.closed || d.id === SEED_DEMANDS.evaluating) continue;
      const days = (Date.parse(d.applicationDeadline) - NOW.getTime()) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(4.5);
      expect(days).toBeLessThanOrEqual(121);
      expect(Date.parse(d.publishedAt!)).toBeLessThan(NOW.getTime());
      expect(d.indicators.length).toBeGreaterThanOrEqual(2);
      expect(d.indicators.length).toBeLessThanOrEqual(5);
    }
    const issuers = new Map(data.orgs.map((o) => [o.id, o]));
    expect(data.demands.filter((d) => d.track === 'sme').length).toBeGreaterThanOrEqual(2);
    for (const d of data.demands) {
      const issuer = issuers.get(d.issuerOrgId)!;
      // SME 发榜 (issue 15): a demand of track `sme` is an SME's own; every other issuer is a large enterprise.
      expect(issuer.kind).toBe(d.track === 'sme' ? 'sme' : 'large');
      expect(d).toMatchObject({
        issuerName: issuer.name,
        issuerCreditCode: issuer.creditCode,
        region: issuer.authorityRegion,
      });
    }
  });

  it('keeps the draft and the submitted demand out of the catalogue', () => {
    const unpublished = data.demands.filter((d) => !isPublic(d));
    expect(unpublished.map((d) => [d.id, d.status])).toEqual([
      [SEED_DEMANDS.draft, 'draft'],
      [SEED_DEMANDS.submitted, 'submitted'],
    ]);
    expect(data.demands.find((d) => d.id === SEED_DEMANDS.submitted)?.channel).toBe('province');
  });

  it('uses the same ids whatever the moment, so that re-seeding finds what it wrote', () => {
    const later = seedData(new Date('2027-03-01T00:00:00Z'));
    expect(later.demands.map((d) => d.id)).toEqual(data.demands.map((d) => d.id));
    expect(later.orgs.map((o) => [o.id, o.creditCode])).toEqual(data.orgs.map((o) => [o.id, o.creditCode]));
    expect(later.users.map((u) => u.id)).toEqual(data.users.map((u) => u.id));
  });

  it('has a 2026 campaign with deadlines in 2027, Beijing time', () => {
    expect(data.campaign.year).toBe(2026);
    for (const k of ['demandIntakeDeadline', 'applicationDeadline', 'selectionDeadline'] as const) {
      expect(data.campaign[k]).toMatch(/^2027-.*\+08:00$/);
    }
  });
});
