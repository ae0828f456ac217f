import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Button } from 'react-aria-components'

interface ErrorPanelProps {
  /** the screen that failed, in words ("Workspaces", "the application") */
  screen: string
  error: unknown
  onReload?: () => void
}

/** What a failure looks like instead of a white page: what failed, where, and a way out. */
export function ErrorPanel({ screen, error, onReload }: ErrorPanelProps) {
  const message = error instanceof Error ? error.message : String(error)
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-panel-title">
      <h2 id="error-panel-title">Something went wrong in {screen}</h2>
      <p className="error-panel__message">{message || 'No message was given.'}</p>
      <Button
        className="button button--primary"
        onPress={onReload ?? (() => window.location.reload())}
      >
        Reload
      </Button>
    </section>
  )
}

interface ErrorBoundaryProps {
  screen: string
  children: ReactNode
}

interface ErrorBoundaryState {
  error?: unknown
}

/** Catches render errors below it; key it by route so navigating away clears the error. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {}

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Render failed in ${this.props.screen}`, error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.error !== undefined)
      return <ErrorPanel screen={this.props.screen} error={this.state.error} />
    return this.props.children
  }
}
