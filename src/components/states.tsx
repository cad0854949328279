/** Loading, error and empty states shared by the pages. */
import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ApiError } from '../../types/api';
import { ThemedPage } from '../theme';
import { LoginHelp } from './login-help';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state state--loading">
      <Text className="state__text">{text}</Text>
    </View>
  );
}

export function ErrorState({
  error,
  onRetry,
}: {
  error: Pick<ApiError, 'message' | 'retryable'> & { code?: ApiError['code'] };
  onRetry?: () => void;
}) {
  return (
    <View className="state state--error">
      <Text className="state__text">{error.message}</Text>
      {error.code === 'UNAUTHENTICATED' && <LoginHelp onLoggedIn={onRetry} />}
      {onRetry && (
        <Button className="btn btn--secondary state__retry" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

export function Empty({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="state state--empty">
      <Text className="state__text">{text}</Text>
      {children}
    </View>
  );
}

/** A whole page while its data loads or after the load was refused (with 重试 when given). */
export function PageStates({
  className,
  error,
  onRetry,
  children,
}: {
  className?: string;
  error: ApiError | null;
  onRetry?: () => void;
  /** Shown above the state (a page's header, say). */
  children?: ReactNode;
}) {
  return (
    <ThemedPage className={className}>
      {children}
      {error ? <ErrorState error={error} onRetry={onRetry} /> : <Loading />}
    </ThemedPage>
  );
}
