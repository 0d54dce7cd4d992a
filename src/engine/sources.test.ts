// Every step of every variant links to a line of its tag's table (or, for a statement v6.3 does not
// have, to the variant's patch); the tables hold the lines read from the kernel trees.

import { describe, expect, it } from 'vitest';
import { ACTORS } from './actors/index.ts';
import type { SrcAnchor } from './sources.ts';
import { lineTableFor, resolveSource } from './sourceLinks.ts';
import { LINE_TABLES } from './sources/tables.ts';
import { VARIANT_IDS, VARIANTS } from './variants.ts';

/** Tags no tree was read for (README, Model notes): their links name the function only. */
const UNREAD = new Set(['v6.7']);

function anchorsOn(id: (typeof VARIANT_IDS)[number]): { where: string; a: SrcAnchor }[] {
  const flags = VARIANTS[id].flags;
  const out: { where: string; a: SrcAnchor }[] = [];
  const listed = (p: (typeof ACTORS)[keyof typeof ACTORS]) =>
    new Set([false, true].flatMap((xa) => [1, 2].flatMap((model) => p.listing(flags, xa, model))));
  for (const program of Object.values(ACTORS))
    for (const step of listed(program)) {
      const def = program.steps[step];
      if (!def) throw new Error(`${program.kind} lists unknown step ${step}`);
      out.push({ where: `${program.kind}.${step}`, a: def.src });
      for (const [b, br] of Object.entries(def.branches ?? {}))
        if (br.src) out.push({ where: `${program.kind}.${step}/${b}`, a: br.src });
    }
  return out;
}

describe('source links', () => {
  it.each(VARIANT_IDS.filter((id) => !UNREAD.has(VARIANTS[id].sourceTag)))(
    '%s: every step and branch has a line at its tag, or its patch',
    (id) => {
      const v = VARIANTS[id];
      const table = lineTableFor(v.sourceTag);
      expect(table).not.toBeNull();
      for (const { where, a } of anchorsOn(id)) {
        const r = resolveSource(a, v);
        const e = table?.entries[a.key];
        if (e) {
          expect(r, where).toMatchObject({ file: e.file, func: e.func, line: e.line });
          expect(r.url, where).toBe(
            `https://elixir.bootlin.com/linux/${table?.linkTag}/source/${e.file}#L${e.line}`,
          );
        } else {
          // Only patches add statements, and only to variants tagged v6.3 (p1..p3, v5).
          expect(v.sourceTag, `${where} (${a.key}) has no line at ${v.sourceTag}`).toBe('v6.3');
          expect(
            v.commits.map((c) => c.url),
            where,
          ).toContain(r.url);
        }
      }
    },
  );

  it('v6.3 itself needs no patch: all its statements are in the 6.3.8 table', () => {
    const table = lineTableFor('v6.3');
    for (const { where, a } of anchorsOn('v6.3')) expect(table?.entries[a.key], where).toBeDefined();
  });

  it('lines read from the trees where the review found them', () => {
    const at = (tag: string, key: string) => LINE_TABLES[tag]?.entries[key]?.line;
    expect(at('v6.4', 'collapse_file')).toBe(1876);
    expect(at('v6.4', 'collapse_file:init_hpage')).toBe(1899);
    expect(at('v6.4', 'collapse_file:lru_add_drain')).toBe(1957);
    expect(at('v6.4', 'collapse_file:refcount_check')).toBe(2086);
    expect(at('v6.4', 'collapse_file:copy')).toBe(2142);
    expect(at('v6.4', 'collapse_file:retry_entry')).toBe(2163);
    expect(at('v6.4', 'collapse_file:userfaultfd_missing')).toBe(2190);
    expect(at('v6.4', 'collapse_file:mark_uptodate')).toBe(2229);
    expect(at('v6.4', 'collapse_file:store_hpage')).toBe(2237);
    expect(at('v6.4', 'collapse_file:retract')).toBe(2245);
    expect(at('v6.4', 'collapse_file:rollback')).toBe(2263);
    expect(at('v6.4', 'filemap_get_entry')).toBe(1856);
    expect(at('v6.4', 'folio_seek_hole_data')).toBe(2975);
    expect(at('v6.4', 'mincore_page')).toBe(52);
    // v6.4-rc1 is v6.4 with the xas_set(index) of c8a8f3b4a95a back after the relock: one line more.
    expect(at('v6.4-rc1', 'collapse_file:relock_set')).toBe(2073);
    expect(at('v6.4-rc1', 'collapse_file:refcount_check')).toBe(2087);
    expect(at('v6.3.8', 'collapse_file')).toBe(1774);
    expect(at('v6.3.8', 'collapse_file:refcount_check')).toBe(1984);
  });

  it('the v6.3 variants link 6.3.8; p1 links its own patch for the drain it adds', () => {
    expect(resolveSource({ key: 'collapse_file:xas_next' }, VARIANTS['v6.3']).url).toBe(
      'https://elixir.bootlin.com/linux/v6.3.8/source/mm/khugepaged.c#L1824',
    );
    expect(resolveSource({ key: 'collapse_file:lru_add_drain' }, VARIANTS['v6.3+p1'])).toMatchObject({
      version: 'efa3d814fad1',
      line: null,
    });
  });

  it('a tag without a table links the function page (v6.7: no tree was read)', () => {
    const r = resolveSource({ key: 'collapse_file:xas_next' }, VARIANTS['v6.7']);
    expect(r).toMatchObject({ line: null, func: 'collapse_file' });
    expect(r.url).toBe('https://elixir.bootlin.com/linux/v6.7/C/ident/collapse_file');
  });

  it('every table entry has a line and the same shape', () => {
    for (const t of Object.values(LINE_TABLES))
      for (const [k, e] of Object.entries(t.entries)) {
        expect(e.line, `${t.tag} ${k}`).toBeGreaterThan(0);
        expect(e.file, `${t.tag} ${k}`).toMatch(/^(mm|fs|lib|include)\//);
      }
  });
});
