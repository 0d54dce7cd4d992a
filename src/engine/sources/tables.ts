// The line tables, one per kernel tag. scripts/source-lines.mjs writes the tables and adds a new one
// here (keep the two marker comments).

import type { LineTable } from './lineTable.ts';
// tables:imports
import LINES_v6_12_117 from './lines-v6.12.117.json' with { type: 'json' };
import LINES_v6_4_rc1 from './lines-v6.4-rc1.json' with { type: 'json' };
import LINES_v6_3_8 from './lines-v6.3.8.json' with { type: 'json' };
import LINES_v6_4 from './lines-v6.4.json' with { type: 'json' };

export const LINE_TABLES: Readonly<Record<string, LineTable>> = {
  // tables:entries
  'v6.12.117': LINES_v6_12_117,
  'v6.4-rc1': LINES_v6_4_rc1,
  'v6.3.8': LINES_v6_3_8,
  'v6.4': LINES_v6_4,
};
