// A labelled read-only text with a Copy button: the clipboard API when the page may use it, else the
// text is selected so the reader can press Ctrl+C (older browsers, insecure origins, denied permission).

import { useId, useRef, useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: string;
  /** 'pre' keeps line breaks and columns (the race diagram); 'input' is one line. */
  readonly as?: 'input' | 'textarea' | 'pre';
  readonly testId: string;
}

export function CopyField({ label, value, as = 'input', testId }: Props) {
  const id = useId();
  const [status, setStatus] = useState('');
  const field = useRef<HTMLElement>(null);

  const selectText = () => {
    const el = field.current;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      el.focus();
      el.select();
    } else if (el) window.getSelection()?.selectAllChildren(el);
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus('Copied.');
    } catch {
      selectText();
      setStatus('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };

  return (
    <div className="copy-field">
      <div className="copy-head">
        <label htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
        <button type="button" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          Copy<span className="visually-hidden"> {label}</span>
        </button>
        <span className="muted" role="status">
          {status}
        </span>
      </div>
      {as === 'pre' ? (
        <pre
          id={id}
          ref={(el) => {
            field.current = el;
          }}
          tabIndex={0}
          aria-labelledby={`${id}-label`}
          className="copy-pre"
          data-testid={testId}
        >
          {value}
        </pre>
      ) : as === 'textarea' ? (
        <textarea
          id={id}
          ref={(el) => {
            field.current = el;
          }}
          readOnly
          rows={3}
          value={value}
          className="mono"
          data-testid={testId}
        />
      ) : (
        <input
          id={id}
          ref={(el) => {
            field.current = el;
          }}
          readOnly
          value={value}
          className="mono"
          data-testid={testId}
        />
      )}
    </div>
  );
}
