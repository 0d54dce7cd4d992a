// Steps name the kernel statement they paraphrase by a key (`src('collapse_file:xas_next')`); a step's
// `thread.stepped` event carries that key. Turning a key into a link at a variant's tag needs the line
// tables: that is `sourceLinks.ts`, which only what shows or prints links imports (a step never does, so
// the tables stay out of the page's main bundle).

/** A statement in the kernel, named by its key in the line tables (e.g. `collapse_file:xas_next`). */
export interface SrcAnchor {
  readonly key: string;
}

export const src = (key: string): SrcAnchor => ({ key });
