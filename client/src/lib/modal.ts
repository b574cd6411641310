import Taro from '@tarojs/taro';

/** The theme's colours (styles/_tokens.scss: $primary, $danger, $text-2), for the platform's own modal. */
const PRIMARY = '#1f5fbf';
const DANGER = '#c92a2a';
const MUTED = '#4a5568';

/**
 * The platform's modal (a short confirmation or notice) in the theme's colours, so that it looks like the
 * `Dialog` component (which asks for a reason) rather than WeChat's green: one confirm style everywhere. A red
 * confirm button when `confirmColor` says so (irreversible steps pass `danger`).
 */
export function showModal(
  options: Taro.showModal.Option & { danger?: boolean },
): Promise<Taro.showModal.SuccessCallbackResult> {
  const { danger, ...rest } = options;
  return Taro.showModal({
    cancelColor: MUTED,
    ...rest,
    confirmColor: danger || rest.confirmColor === DANGER ? DANGER : PRIMARY,
  });
}
