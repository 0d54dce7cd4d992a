// The first tab stops: straight to Play, or to the page cache. Each moves the focus itself (a plain
// in-page link would only scroll, and the next Tab would start from the top again).

import type { MouseEvent } from 'react';

function focusOn(selector: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
  };
}

export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a className="skip-link" href="#memory" onClick={focusOn('[data-testid="race-play"]')}>
        Skip to Play
      </a>
      <a
        className="skip-link"
        href="#memory"
        onClick={focusOn('[data-testid="main-grid"] [tabindex="0"]')}
        data-testid="skip-to-grid"
      >
        Skip to the page cache
      </a>
    </nav>
  );
}
