// A link for an already encoded payload. Kept free of imports so the page can build links without
// loading the encoder (encoding replays the engine, so the page does it once, in a worker).

export function linkForPayload(base: string, payload: string, options: { embed?: boolean } = {}): string {
  const root = base.split('#')[0] ?? base;
  const withEmbed = options.embed ? `${root}${root.includes('?') ? '&' : '?'}embed=1` : root;
  return `${withEmbed}#r=${payload}`;
}
