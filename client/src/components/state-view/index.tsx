import { Text, View } from '@tarojs/components';
import './index.scss';

interface StateProps {
  className?: string;
}

/** Placeholder cards while the first page loads. */
export function SkeletonCards({ count = 3 }: { count?: number }) {
  return (
    <View className="skeleton" aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className="skeleton__card">
          <View className="skeleton__line skeleton__line--tag" />
          <View className="skeleton__line skeleton__line--title" />
          <View className="skeleton__line skeleton__line--short" />
          <View className="skeleton__line skeleton__line--meta" />
        </View>
      ))}
    </View>
  );
}

export function EmptyState({
  className = '',
  text,
  hint,
  actionText,
  onAction,
}: StateProps & { text: string; hint?: string; actionText?: string; onAction?: () => void }) {
  return (
    <View className={`state ${className}`}>
      <View className="state__icon state__icon--empty">
        <Text>空</Text>
      </View>
      <Text className="state__title">{text}</Text>
      {hint && <Text className="state__hint">{hint}</Text>}
      {actionText && onAction && (
        <View className="state__retry" hoverClass="state__retry--pressed" onClick={onAction}>
          {actionText}
        </View>
      )}
    </View>
  );
}

export function ErrorState({
  className = '',
  message,
  onRetry,
}: StateProps & { message: string; onRetry?: () => void }) {
  return (
    <View className={`state ${className}`}>
      <View className="state__icon state__icon--error">
        <Text>!</Text>
      </View>
      <Text className="state__title">加载失败</Text>
      <Text className="state__hint">{message}</Text>
      {onRetry && (
        <View className="state__retry" hoverClass="state__retry--pressed" onClick={onRetry}>
          重试
        </View>
      )}
    </View>
  );
}

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state--loading">
      <View className="state__spinner" />
      <Text className="state__hint">{text}</Text>
    </View>
  );
}
