// From the embed to the full page: the same replay, without embed=1, in a new tab.

import { useCurrentLink } from '../share/currentLink.ts';
import { linkWith, shareBase } from '../share/shareBase.ts';

export function FullPageLink() {
  const encoded = useCurrentLink();
  const href = encoded?.ok ? linkWith(shareBase(), encoded.payload) : shareBase();
  return (
    <a href={href} target="_blank" rel="noopener" className="full-page-link" data-testid="full-page-link">
      Open in Collapse Lab ↗<span className="visually-hidden"> (opens a new tab)</span>
    </a>
  );
}
