/**
 * 申请审核: one 揭榜申请 for its authority — the page loads nothing itself; what it shows and the decisions are
 * `components/review-application` (also 揭榜申请审核's right pane on wide screens), with its test hooks.
 */
import { useRouter } from '@tarojs/taro';
import { ReviewApplication } from '../../components/review-application';

export default function ReviewApplicationDetailPage() {
  const { params } = useRouter();
  return <ReviewApplication id={params.id ? decodeURIComponent(params.id) : ''} />;
}
