import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children; `retry` renders them again. */
  fallback(error: unknown, retry: () => void): ReactNode;
  children: ReactNode;
}

/**
 * Catches a failed load (a suspending query's ApiError) and offers to retry. The retry resets
 * the failed queries too, or they would throw their old error again instead of fetching anew.
 */
export function ErrorBoundary({ fallback, children }: Props) {
  const { reset } = useQueryErrorResetBoundary();
  return <Boundary fallback={fallback} onRetry={reset}>{children}</Boundary>;
}

class Boundary extends Component<Props & { onRetry(): void }, { error: unknown }> {
  state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error === undefined) return this.props.children;
    return this.props.fallback(this.state.error, () => {
      this.props.onRetry();
      this.setState({ error: undefined });
    });
  }
}
