// The text a writer pastes: an iframe for web pages, a Markdown link, a title for both.

import type { RaceSetup } from '../../scenarios/scenario.ts';
import type { LoadedSetup } from '../../store/index.ts';
import { escapeHtml } from '../escapeHtml.ts';

export const EMBED_SIZE = { width: 720, height: 560 };

/** The race's title, or the setup in its own notation when it is not a recorded race. */
export function sessionTitle(scenario: RaceSetup | null, loaded: LoadedSetup): string {
  return scenario ? scenario.title : `${loaded.kernel} ${loaded.slots} ${loaded.threads}`;
}

export function iframeSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeHtml(embedUrl)}" title="${escapeHtml(`Collapse Lab: ${title}`)}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" loading="lazy"></iframe>`;
}

/** [title](link), with the brackets Markdown would read as syntax escaped. */
export function markdownSnippet(url: string, title: string): string {
  const text = `Collapse Lab: ${title}`.replace(/([[\]\\])/g, '\\$1');
  return `[${text}](${url.replace(/\)/g, '%29')})`;
}
