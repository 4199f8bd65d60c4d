import { Component, type ErrorInfo, type ReactNode } from "react";

interface SlotBoundaryProps {
  /** Names the failed component in the message, e.g. the slot's title. */
  name: string;
  children: ReactNode;
}

/**
 * Keeps a failing project component (slot or page) from blanking the whole admin page: the rest of the page
 * stays usable and the message says which component broke.
 */
export class SlotBoundary extends Component<SlotBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The stack is what its author needs; the page only shows the message.
    console.error(`Atrium: the component “${this.props.name}” failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <span className="form-error" role="alert">
        “{this.props.name}” failed: {this.state.error.message}
      </span>
    );
  }
}
