import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Heading, Link, Paragraph } from './nlds';
import type { Messages } from '../i18n';

interface Props {
  t: Messages;
  children: ReactNode;
}

/**
 * A screen that fails to render shows a message in the page, not a blank window: the header
 * and its links stay, and the next navigation (the shell keys this by path) starts afresh.
 */
export class ScreenErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { t } = this.props;
    return (
      <>
        <Heading level={1}>{t.errors.screenFailedTitle}</Heading>
        <Alert type="error" role="alert">
          <Paragraph>{t.errors.screenFailed}</Paragraph>
        </Alert>
        <Paragraph>
          <Link href="/">{t.errors.toHome}</Link>
        </Paragraph>
      </>
    );
  }
}
