// An input error explained inline: the message, then the input with the bad character marked and a
// caret under it (the caret is decoration; the message names the column in words).

import type { InputError } from '../../store/index.ts';

export function ErrorPointer({ error, id }: { error: InputError; id: string }) {
  const pos = error.position;
  const s = error.input;
  const at = pos !== null && pos <= s.length ? pos : null;
  return (
    <div className="input-error" id={id} role="alert" data-testid="setup-error">
      <p>{error.message}</p>
      {at !== null && (
        <pre aria-hidden="true" className="error-pointer">
          {s.slice(0, at)}
          <mark>{s.slice(at, at + 1) || ' '}</mark>
          {s.slice(at + 1)}
          {'\n'}
          {' '.repeat(at)}^
        </pre>
      )}
    </div>
  );
}
