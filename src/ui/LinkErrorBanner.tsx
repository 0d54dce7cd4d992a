// Says why a link could not be opened (the decoder's or the setup parser's own words) and what stays on
// screen instead; while a long link's schedule is replayed, how far it is. Nothing from a link is run.

import { useStore } from 'zustand';
import { linkStatus } from '../store/linkStatus.ts';
import { useSim } from './storeContext.tsx';

// One formatter for every progress update (toLocaleString builds one a call).
const count = new Intl.NumberFormat('en-US');

export function LinkErrorBanner() {
  const error = useSim((s) => s.linkError);
  const dismiss = useSim((s) => s.dismissLinkError);
  const replaying = useStore(linkStatus, (s) => s.replaying);
  const fallback = useStore(linkStatus, (s) => s.fallback);
  return (
    <>
      {replaying && (
        <div className="link-progress" role="status" data-testid="link-progress">
          Replaying the link: step {count.format(replaying.done)} of {count.format(replaying.total)}{' '}
          <progress max={replaying.total} value={replaying.done} aria-label="Replaying the link" />
        </div>
      )}
      {error && (
        <div className="link-error" role="alert" data-testid="link-error">
          <p>
            <strong>This link could not be opened:</strong> {error}.{' '}
            {fallback === 'default' ? 'Showing the default race instead.' : 'The race on screen stays.'}
          </p>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
