import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children; `retry` renders them again. */
  fallback(error: unknown, retry: () => void): ReactNode;
  children: ReactNode;
}

/** Catches a failed load (an ApiError thrown through React's use()) and offers to retry. */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error === undefined) return this.props.children;
    return this.props.fallback(this.state.error, () => this.setState({ error: undefined }));
  }
}
