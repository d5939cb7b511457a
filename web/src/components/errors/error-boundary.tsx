import { Component, type ErrorInfo, type ReactNode } from 'react';
import { m } from '@/i18n/messages';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <div className="state state-error page" role="alert">
          <p className="state-title">{m.app.unexpectedError}</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => window.location.reload()}
          >
            {m.app.reload}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
