// The tree drawing's model: node boxes over the slots they cover, glyphs per entry kind, walker marks.
import { describe, expect, it } from 'vitest';
import { Script, worldOf } from '../../engine/testkit.ts';
import { treeView } from './xarrayView.ts';

describe('treeView', () => {
  it('is null without |xa', () => expect(treeView(worldOf('v6.12', 'PPPP', 'collapse'))).toBeNull());

  it('8 slots, C = 4: the upper node spans all 8, each leaf 4, with folio glyphs', () => {
    const v = treeView(worldOf('v6.12', 'PPPPPPPP|xa=4', 'seek_hole:0'));
    expect(v?.rows).toBe(2);
    expect(v?.nodes.map((b) => [b.row, b.from, b.to])).toEqual([
      [0, 0, 8],
      [1, 0, 4],
      [1, 4, 8],
    ]);
    expect(v?.nodes[1]?.slots.map((s) => s.kind)).toEqual(['folio', 'folio', 'folio', 'folio']);
    expect(v?.nodes[0]?.slots.slice(0, 2).map((s) => s.kind)).toEqual(['node', 'node']);
  });

  it('mid-store: a sibling glyph, a freed leaf of retry entries, the walker at its end climbing', () => {
    const s = Script.of('v6.12', 'PPPPPPPP|xa=4', 'collapse,seek_hole:0').to(0, 'xa_store_slot');
    s.to(1, 'xa_xas_climb').step(0, 3);
    const v = treeView(s.world);
    const head = v?.nodes.find((b) => b.row === 0);
    expect(head?.slots[1]).toEqual({ text: '↩0', kind: 'sibling', title: 'sibling of slot 0' });
    const freed = v?.nodes.find((b) => b.freed);
    expect(freed?.slots.map((x) => x.text)).toEqual(['R', 'R', 'R', 'R']);
    expect(v?.walkers.find((m) => m.thread === 1)).toEqual({
      thread: 1,
      node: freed?.id,
      offset: 4,
      climbsTo: { node: head?.id, offset: 1 },
    });
  });
});
