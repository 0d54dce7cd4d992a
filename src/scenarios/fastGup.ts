import { lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const fastGup: Scenario = {
  ...race('fast-gup'),
  story:
    "Peter Xu asked whether fast GUP can slip a reference in between collapse's unmap and its refcount check. It cannot keep one: collapse clears the PTE before it checks the count, and fast GUP re-reads the PTE after taking its reference, sees it gone, drops the reference and falls back to a fault, which waits for the collapse and maps the huge page.",
  narration: [
    { at: 2, step: 'read_pte', text: 'Fast GUP reads PTE 0 without locks: page A.' },
    { at: 8, step: 'unmap', text: 'Collapse clears PTE 0.' },
    { at: 10, step: 'freeze', text: 'Collapse checks the count: exactly 3, fine.' },
    { at: 11, step: 'grab', text: 'Fast GUP now takes its reference on A (count 4)...' },
    {
      at: 13,
      step: 'recheck',
      text: '...re-reads the PTE, finds it changed, drops the reference and falls back to a fault.',
    },
    {
      at: 36,
      step: 'lock',
      text: 'The fault slept on A until collapse freed it, saw A had left the file and looked again.',
    },
    { at: 40, step: 'map', text: 'It maps the huge page. Nothing kept a reference to the old page.' },
  ],
  sources: [lore("Peter Xu's review of v6 4/4", 'ZCyU26ZLSKqLj+kA@x1n')],
};
