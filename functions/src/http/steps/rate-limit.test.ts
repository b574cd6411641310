import { describe, expect, it } from '@jest/globals';
import { RATE_LIMITS } from '@jiebang/shared/routes/define';
import type { SessionUser } from '@jiebang/shared';
import { addressOf, subjectOf } from './rate-limit';

describe('addressOf', () => {
  it('keeps an IPv4 address, and reads an IPv4-mapped IPv6 one as IPv4', () => {
    expect(addressOf('203.0.113.7')).toBe('203.0.113.7');
    expect(addressOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 caller by its /64, however the address is written', () => {
    const net = '2001:db8:85a3:8d3::/64';
    expect(addressOf('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe(net);
    expect(addressOf('2001:0DB8:85A3:08D3::1')).toBe(net);
    expect(addressOf('2001:db8:85a3:8d3:ffff::')).toBe(net);
    expect(addressOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressOf('::1')).toBe('0:0:0:0::/64');
    expect(addressOf('2001:db8:85a3:8d4::1')).not.toBe(net);
  });

  it('puts anything unreadable in one shared count', () => {
    for (const bad of [undefined, '', 'localhost', '1.2.3.256', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'x:y'])
      expect(addressOf(bad)).toBe('unknown');
  });
});

describe('subjectOf', () => {
  const user = { id: 'U1', roles: [], orgId: null } as unknown as SessionUser;
  it('counts a per-user limit against the user, or the address of a caller without a session', () => {
    expect(subjectOf({ step: 'rateLimit', ...RATE_LIMITS.drafts }, user, '203.0.113.7')).toBe('USER#U1');
    expect(subjectOf({ step: 'rateLimit', ...RATE_LIMITS.drafts }, null, '203.0.113.7')).toBe('ADDR#203.0.113.7');
  });
  it('counts a per-address limit against the address even with a session', () => {
    expect(subjectOf({ step: 'rateLimit', ...RATE_LIMITS.login }, user, '203.0.113.7')).toBe('ADDR#203.0.113.7');
  });
});
