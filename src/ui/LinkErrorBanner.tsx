// Says why the replay link the page was opened with could not be read (the decoder's own words) and
// that the default race is shown instead. Nothing from the link was run.

import { useSim } from './storeContext.tsx';

export function LinkErrorBanner() {
  const error = useSim((s) => s.linkError);
  const dismiss = useSim((s) => s.dismissLinkError);
  if (!error) return null;
  return (
    <div className="link-error" role="alert" data-testid="link-error">
      <p>
        <strong>This replay link could not be opened:</strong> {error}. Showing the default race instead.
      </p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
