// The share dialog (a native modal <dialog>: focus stays inside, Esc closes, focus returns to the
// button): the replay link, an iframe snippet, a Markdown link, the plain-text race diagram for email,
// a C reproducer to run on a real kernel, and image downloads. Loaded lazily: none of it is needed until
// someone shares.

import { useEffect, useRef, useState } from 'react';
import { replayOf, selectScenario } from '../../store/index.ts';
import { ExportButtons } from '../export/ExportButtons.tsx';
import { useSim, useSimStore } from '../storeContext.tsx';
import { CopyField } from './CopyField.tsx';
import { useCurrentLink } from './currentLink.ts';
import { ReproDownload } from './ReproDownload.tsx';
import { linkWith, shareBase } from './shareBase.ts';
import { diagramText } from './shareClient.ts';
import { iframeSnippet, markdownSnippet, sessionTitle } from './snippets.ts';

export default function ShareDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const store = useSimStore();
  const scenario = useSim(selectScenario);
  const loaded = useSim((s) => s.loaded);
  const encoded = useCurrentLink();
  const title = sessionTitle(scenario, loaded);
  const base = shareBase();
  const link = encoded?.ok ? linkWith(base, encoded.payload) : null;
  const [diagram, setDiagram] = useState<{ for: string; text: string } | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    if (!link) return;
    let live = true;
    diagramText(replayOf(store.getState()), title, link).then(
      (text) => live && setDiagram({ for: link, text }),
      (e: unknown) =>
        live && setDiagram({ for: link, text: `No diagram: ${e instanceof Error ? e.message : String(e)}` }),
    );
    return () => {
      live = false;
    };
  }, [link, title, store]);

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby="share-title"
      onClose={onClose}
      data-testid="share-dialog"
    >
      <div className="share-head">
        <h2 id="share-title">Share: {title}</h2>
        <button type="button" onClick={() => dialog.current?.close()} data-testid="share-close">
          Close
        </button>
      </div>
      {encoded === null && <p role="status">Encoding the link…</p>}
      {encoded && !encoded.ok && (
        <p className="notice" role="alert" data-testid="share-unavailable">
          No link for this session: {encoded.reason}.
        </p>
      )}
      {link && encoded?.ok && (
        <>
          <CopyField label="Link" value={link} testId="share-link" />
          <CopyField
            label="Embed in a web page (iframe)"
            value={iframeSnippet(linkWith(base, encoded.payload, true), title)}
            as="textarea"
            testId="share-iframe"
          />
          <CopyField label="Markdown" value={markdownSnippet(link, title)} testId="share-markdown" />
          <CopyField
            label="Race diagram for email (plain text)"
            value={diagram?.for === link ? diagram.text : 'Drawing the diagram…'}
            as="pre"
            testId="share-diagram"
          />
          <ReproDownload link={link} title={title} />
        </>
      )}
      <h3>Image of the page cache</h3>
      <ExportButtons title={title} />
    </dialog>
  );
}
