/**
 * Every popup screen renders inside this boundary (issue 12 point 11): a screen that throws (a
 * badge field no one expected, a bug) shows what failed and offers a way back, instead of a
 * blank popup. Preact calls componentDidCatch for errors thrown while rendering its children.
 */
import { Component, type ComponentChildren } from 'preact';
import { useEnv } from '../env.ts';
import { Icon } from './Icon.tsx';

interface Props {
  /** The route's name, for the message. */
  screen: string;
  onBack: () => void;
  children: ComponentChildren;
}

export class ScreenBoundary extends Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  override componentDidCatch(error: unknown): void {
    console.error('[lanyard] popup: the screen failed', this.props.screen, error);
    this.setState({ error });
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return <ScreenFailed screen={this.props.screen} error={this.state.error} onBack={this.props.onBack} onRetry={() => this.setState({ error: undefined })} />;
  }
}

function ScreenFailed({ screen, error, onBack, onRetry }: { screen: string; error: unknown; onBack: () => void; onRetry: () => void }) {
  const { t } = useEnv();
  const why = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);
  return (
    <section class="error-state screen-error" role="alert" aria-labelledby="screen-failed-title">
      <Icon name="warning" size={32} />
      <h2 id="screen-failed-title">{t('screenFailedTitle')}</h2>
      <p>{t('screenFailedMessage', screen, why)}</p>
      <div class="button-row">
        <button type="button" class="button primary" onClick={onBack}>
          {t('back')}
        </button>
        <button type="button" class="button" onClick={onRetry}>
          {t('retry')}
        </button>
      </div>
    </section>
  );
}
