/** The privacy notice (pipl): the current version and what a user accepted. */
import { PRIVACY_NOTICE_VERSION, type PrivacyState } from '@jiebang/shared/schemas/personal-data';

export function privacyState(u: { privacyVersion?: string; privacyAcceptedAt?: string }): PrivacyState {
  return {
    current: PRIVACY_NOTICE_VERSION,
    accepted:
      u.privacyVersion && u.privacyAcceptedAt ? { version: u.privacyVersion, acceptedAt: u.privacyAcceptedAt } : null,
  };
}

/** A phone as those who do not need it see it: a mobile 138****1234, a landline 010-****6666 (area code kept). */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return phone.replace(/\d/g, '*');
  const m = /^(0\d{2,3}-?)(\d+)(-\d+)?$/.exec(phone);
  if (m) return `${m[1]}${'*'.repeat(Math.max(m[2]!.length - 4, 0))}${m[2]!.slice(-4)}`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** An email as those who do not need it see it: its first character and its domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/**
 * A contact (name, title, phone, email) with its phone and email masked. Who sees them whole is decided by the
 * use-cases: the enterprise itself and the authority of its region (初审 calls it); the ministry and the platform
 * administrator see them masked (README "Personal data").
 */
export function maskContact<C extends { phone: string; email?: string | undefined }>(c: C): C {
  return { ...c, phone: maskPhone(c.phone), ...(c.email ? { email: maskEmail(c.email) } : {}) };
}
