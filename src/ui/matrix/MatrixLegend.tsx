// The matrix's key: each verdict's glyph, word and colour (the glyph and word carry it without colour).

export function MatrixLegend() {
  return (
    <ul className="matrix-legend" aria-label="Matrix legend" data-testid="matrix-legend">
      <li className="matrix-broken">
        ✗ I1 … broken: some interleaving breaks these invariants (each a link to its shortest counterexample)
      </li>
      <li className="matrix-holds">✓ fixed: every invariant holds in every interleaving</li>
      <li className="matrix-no-collapse">✓ never: every invariant holds, but the collapse never succeeds</li>
      <li className="matrix-stopped">? the search stopped at a limit before finding a break</li>
    </ul>
  );
}
