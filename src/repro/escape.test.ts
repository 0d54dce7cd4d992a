import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSetup } from '../engine/index.ts';
import { cComment, cString } from './escape.ts';
import { reproPlan } from './plan.ts';
import { reproSource } from './source.ts';

/** What a C compiler would read back from a literal cString wrote (the escapes it uses, no others). */
function unescapeC(literal: string): number[] {
  const body = literal.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(next.charCodeAt(0));
      i += 1;
    }
  }
  return bytes;
}

describe('escaping for C', () => {
  it('a comment can neither end, nest nor form a trigraph', () => {
    expect(cComment('a */ b /* c ??/ d\n\u00e9')).toBe('a * / b / * c ? ?/ d??'.replace('d??', 'd? ?'));
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = cComment(s);
        expect(c).not.toMatch(/\*\/|\/\*|\?\?|[^\x20-\x7e]/);
      }),
    );
  });

  it('a string literal holds exactly the UTF-8 bytes, with no bare quote, backslash or question mark', () => {
    expect(cString('a"b\\c?d\n')).toBe('"a\\"b\\\\c\\?d\\012"');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lit = cString(s);
        // Printable ASCII only, and every quote, backslash or question mark escaped.
        expect(lit).toMatch(/^"(?:[ !#-/0-9:;<=>@-Z[\]^_`a-z{|}~]|\\[\\"?]|\\[0-7]{3})*"$/);
        expect(unescapeC(lit)).toEqual([...new TextEncoder().encode(s)]);
      }),
    );
  });

  it('a hostile link reaches the source only escaped', () => {
    const p = parseSetup('v6.3', 'PPPP', 'collapse,seek_data:0');
    if (!p.ok) throw new Error(p.error.message);
    const plan = reproPlan(p.value);
    if (!plan) throw new Error('no plan');
    const link = 'https://x.example/*/\n#include "/etc/passwd"\n#r=A";system("x");//';
    const source = reproSource({ setup: p.value, plan, link, schedule: [], verdicts: [] });
    // Only inside the comment (its newlines turned to ?, its */ split) and the escaped literal.
    expect(source).not.toMatch(/^#include "\/etc/m);
    expect(source.split('system(').length - 1).toBe(2);
    expect(source).toContain(
      ' * Replay: https://x.example/ * /?#include "/etc/passwd"?#r=A";system("x");//\n',
    );
    expect(source).toContain(
      '#define REPLAY_LINK "https://x.example/*/\\012#include \\"/etc/passwd\\"\\012#r=A\\";system(\\"x\\");//"\n',
    );
  });
});
