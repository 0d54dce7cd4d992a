// Statements a v6.3-tagged variant models but v6.3 does not have: the patch that adds them is their link.

/** Source key -> the commits (or postings) that introduce the statement, in preference order. */
export const NEW_IN: Readonly<Record<string, readonly string[]>> = {
  'collapse_file:lru_add_drain': ['efa3d814fad1'],
  'collapse_file:i_mmap_lock_read': ['ac492b9c70ca', 'v5-2/3'],
  'collapse_file:retry_entry': ['ac492b9c70ca', 'v5-2/3'],
  'collapse_file:page_filled': ['ac492b9c70ca', 'v5-2/3'],
  'collapse_file:userfaultfd_missing': ['ac492b9c70ca', 'v5-2/3'],
  'collapse_file:relock_final': ['ac492b9c70ca', 'v5-2/3'],
  'collapse_file:free_old': ['cae106dd67b9', 'v5-1/3'],
};
