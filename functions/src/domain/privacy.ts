/** The privacy notice (pipl): the current version and what a user accepted. */
import { PRIVACY_NOTICE_VERSION, type PrivacyState } from '@jiebang/shared/schemas/personal-data';

export function privacyState(u: { privacyVersion?: string; privacyAcceptedAt?: string }): PrivacyState {
  return {
    current: PRIVACY_NOTICE_VERSION,
    accepted:
      u.privacyVersion && u.privacyAcceptedAt ? { version: u.privacyVersion, acceptedAt: u.privacyAcceptedAt } : null,
  };
}
