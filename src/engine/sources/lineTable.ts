// The shape of a line table (lines-<tag>.json): where each statement a step models is, at one kernel tag.
// Only line numbers and the search pattern that finds them again (scripts/source-lines.mjs), never code.

export interface LineEntry {
  readonly file: string;
  /** The function the statement is in (its name at this tag). */
  readonly func: string;
  /** A fragment of the statement's line; absent: the function's definition line. */
  readonly find?: string;
  /** Start searching at the first line of the function holding this fragment. */
  readonly after?: string;
  /** Which definition of func, when the file has several (#ifdef alternatives); 1-based. */
  readonly def?: number;
  readonly line: number;
}

export interface LineTable {
  /** The tag this table is for (its file name). */
  readonly tag: string;
  /** The tag elixir links use. */
  readonly linkTag: string;
  /** Where the lines were read (repository and commit), or how they were derived. */
  readonly tree: string;
  /** What the tree's Makefile says. */
  readonly version: string;
  readonly entries: Readonly<Record<string, LineEntry>>;
}
