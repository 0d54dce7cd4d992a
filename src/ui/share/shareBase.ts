// The address shared links point at: VITE_PUBLIC_URL when the build sets it (the page's public home, so
// links made on a preview or a mirror still point there), else this page without its hash and without the
// setup query parameters (the link's #r= carries the session).

import { linkForPayload } from '../../replay/linkForPayload.ts';

const SESSION_PARAMS = ['kernel', 'slots', 'threads', 'schedule', 'step', 'embed'];

export function shareBase(): string {
  const configured: unknown = import.meta.env['VITE_PUBLIC_URL'];
  if (typeof configured === 'string' && configured.trim() !== '')
    return configured.trim().split('#')[0] ?? '';
  const url = new URL(window.location.href);
  url.hash = '';
  for (const p of SESSION_PARAMS) url.searchParams.delete(p);
  return url.toString();
}

/** `base#r=payload`, with `embed=1` in the query for the iframe layout. */
export function linkWith(base: string, payload: string, embed = false): string {
  return linkForPayload(base, payload, { embed });
}
