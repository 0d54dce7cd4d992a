// What the badges, letters and keys mean (the compact layout uses the letters).

export function Legend() {
  return (
    <section className="legend" aria-label="Legend and keys">
      <h2>Legend</h2>
      <ul className="legend-badges">
        <li>
          <span className="badge badge-locked">L locked by Tn</span> PG_locked
        </li>
        <li>
          <span className="badge badge-uptodate">U uptodate</span> PG_uptodate
        </li>
        <li>
          <span className="badge badge-stale">!U !uptodate</span> reads as a hole
        </li>
        <li>
          <span className="badge badge-ref">refcount n</span> page_count; hover or focus a slot for its
          holders
        </li>
        <li>
          <span className="badge badge-frozen">Z frozen by Tn</span> page_ref_freeze (count 0)
        </li>
        <li>
          <span className="badge badge-dirty">D dirty</span> PG_dirty
        </li>
        <li>
          <span className="badge badge-lru">R lru</span> PG_lru
        </li>
        <li>
          <span className="badge badge-pte">M mapped</span> a PTE maps it
        </li>
        <li>
          <span className="badge badge-pinned">^ pinned</span> FOLL_PIN
        </li>
      </ul>
      <p>
        Keys: <kbd>1</kbd>–<kbd>9</kbd> step thread T0–T8, <kbd>←</kbd>/<kbd>z</kbd> back, <kbd>→</kbd> next,{' '}
        <kbd>y</kbd> redo, <kbd>p</kbd> play or pause; arrows move between slots inside the page cache.
      </p>
    </section>
  );
}
