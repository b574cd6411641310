import { describe, expect, it } from '@jest/globals';
import { demand } from '../../../test/support/fixtures';
import { isPublic, toCatalogueCard, toCatalogueDetail } from './publication';

const NOW = new Date('2026-11-21T00:00:00Z');

describe('public view of a demand', () => {
  it('names the issuer when it chose to be public', () => {
    const d = demand({ anonymous: false });
    const card = toCatalogueCard(d);
    expect(card.issuer).toEqual({ id: d.issuerOrgId, name: d.issuerName });
    expect(card.issuerName).toBe(d.issuerName);
  });

  it('copies nothing identifying an anonymous issuer, in the card or the detail', () => {
    const d = demand({ anonymous: true });
    for (const view of [toCatalogueCard(d), toCatalogueDetail(d, NOW)]) {
      expect(view.issuer).toBeNull();
      expect(view).not.toHaveProperty('issuerName');
      const text = JSON.stringify(view);
      for (const secret of [
        d.issuerName,
        d.issuerCreditCode,
        d.issuerOrgId,
        d.contact.name,
        d.contact.phone,
        d.contact.email!,
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('never shows the contact person or credit code, even for a named issuer', () => {
    const d = demand({ anonymous: false });
    const text = JSON.stringify(toCatalogueDetail(d, NOW));
    for (const secret of [d.issuerCreditCode, d.contact.phone, d.contact.email!]) expect(text).not.toContain(secret);
  });

  it('is open until the deadline by the clock, and closed at it', () => {
    const d = demand({ applicationDeadline: '2026-11-21T08:00:00+08:00' });
    expect(toCatalogueDetail(d, new Date('2026-11-20T23:59:59Z')).open).toBe(true);
    expect(toCatalogueDetail(d, new Date('2026-11-21T00:00:00Z')).open).toBe(false);
  });

  it('is not open once evaluation has started, whatever the deadline', () => {
    expect(
      toCatalogueDetail(demand({ status: 'evaluating', applicationDeadline: '2099-01-01T00:00:00Z' }), NOW).open,
    ).toBe(false);
  });

  it("carries the demand's campaign year, not the current one (查看揭榜名单 opens that year's list)", () => {
    expect(toCatalogueDetail(demand({ status: 'selected', campaignYear: 2031 }), NOW).campaignYear).toBe(2031);
  });

  it('hides drafts and demands under review', () => {
    for (const status of ['draft', 'submitted', 'returned', 'forwarded', 'rejected'] as const) {
      expect(isPublic(demand({ status, publishedAt: undefined }))).toBe(false);
    }
    expect(isPublic(demand({ status: 'published' }))).toBe(true);
    expect(isPublic(demand({ status: 'withdrawn' }))).toBe(true);
    expect(isPublic(demand({ status: 'withdrawn', publishedAt: undefined }))).toBe(false);
  });
});
