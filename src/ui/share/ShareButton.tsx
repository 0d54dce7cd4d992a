// Opens the share dialog, loading its code on first use.

import { lazy, Suspense, useState } from 'react';

const ShareDialog = lazy(() => import('./ShareDialog.tsx'));

export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="share-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="share-open"
      >
        Share or export…
      </button>
      {open && (
        <Suspense fallback={<span role="status">Loading…</span>}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
