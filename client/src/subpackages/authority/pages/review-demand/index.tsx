/**
 * Reviewing one demand: everything the issuer filled in, including the issuer and contact (authorities may see
 * them even when the demand will be published anonymously), the timeline, and the decisions the server allows
 * this authority now — province: 转报工信部 / 退回; ministry: 发布 / 退回 / 不予发布. Return and reject need a
 * reason; publish and reject are confirmed first (they cannot be undone). A 409 means another reviewer decided
 * first.
 *
 * The page loads the demand; what it shows and the decisions are `components/review-demand` (also the queue's
 * right pane on wide screens), with its test hooks.
 */
import { useRouter } from '@tarojs/taro';
import { useDemandDetail } from '../../../../hooks/use-demand-detail';
import { ReviewDemand } from '../../components/review-demand';

export default function ReviewDemandPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const { state, load } = useDemandDetail(id);
  return <ReviewDemand id={id} state={state} load={load} />;
}
