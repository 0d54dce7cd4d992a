// The page's security policy, in one place: the meta tag in index.html carries PAGE_CSP (a test keeps
// them equal), and a host that can set HTTP headers should send SECURITY_HEADERS (vite preview does, see
// vite.config.ts; README "Hosting" lists them). A meta tag cannot carry frame-ancestors, and base-uri
// and form-action do not fall back to default-src, so both are set to 'none' explicitly.

/** The Content-Security-Policy the meta tag carries. */
export const PAGE_CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The HTTP headers a host should send with every response. frame-ancestors stays open (`*`): the
 * `?embed=1` layout exists to be framed by course pages and blogs, so no X-Frame-Options either.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${PAGE_CSP}; frame-ancestors *`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
