import { Text } from '@tarojs/components';
import { DEMAND_STATUSES } from '@jiebang/shared';
import type { DemandStatus } from '@jiebang/shared';
import './index.scss';

/** Colour family of a status: waiting on an authority, needs the issuer, done well, refused, closed. */
const TONE: Record<DemandStatus, 'neutral' | 'pending' | 'action' | 'success' | 'danger'> = {
  draft: 'neutral',
  submitted: 'pending',
  forwarded: 'pending',
  returned: 'action',
  published: 'success',
  rejected: 'danger',
  evaluating: 'pending',
  selected: 'success',
  no_selection: 'neutral',
  in_cooperation: 'success',
  completed: 'success',
  withdrawn: 'neutral',
};

/** The Chinese label of a demand status in its colour. Class `status-badge status-badge--<status>`. */
export function StatusBadge({ status, className = '' }: { status: DemandStatus; className?: string }) {
  return (
    <Text
      className={`status-badge status-badge--${TONE[status]} status-badge--${status} ${className}`}
      data-status={status}
    >
      {DEMAND_STATUSES[status]}
    </Text>
  );
}
