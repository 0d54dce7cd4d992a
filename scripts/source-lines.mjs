#!/usr/bin/env node
// Regenerates a line table (src/engine/sources/lines-<tag>.json) from a kernel tree: each entry names a
// file, a function and a search pattern; the line is found again in the tree, so a table never holds
// kernel code, only where a statement is.
//
//   node scripts/source-lines.mjs <tag> <tree>                 re-find every line of lines-<tag>.json
//   node scripts/source-lines.mjs <tag> <tree> --from <tag2>   start a new table from lines-<tag2>.json
//                                                              and register it in tables.ts
//   node scripts/source-lines.mjs <tag> <tree> --check         only report what moved or is missing
//
// An entry: { file, func, find?, after?, def?, line }. The search starts at the `def`-th (1-based,
// default 1) definition of `func` in `file`, skips to the first line containing `after` (when given),
// and takes the first line containing `find` (or the definition itself without `find`), before the
// function's closing brace. Options that do not exist in the tree are an error naming the entry.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'src/engine/sources');

function usage(message) {
  console.error(`source-lines: ${message}`);
  console.error(
    'usage: node scripts/source-lines.mjs <tag> <tree> [--from <tag>] [--link-tag <tag>] [--check]',
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = [];
const opts = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--check') opts.check = true;
  else if (a === '--from' || a === '--link-tag' || a === '--tree-name') {
    const v = args[++i];
    if (v === undefined) usage(`${a} needs a value`);
    opts[a.slice(2)] = v;
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else positional.push(a);
}
const [tag, tree] = positional;
if (!tag || !tree || positional.length !== 2) usage('give a tag and a kernel tree');
if (!existsSync(join(tree, 'Makefile'))) usage(`${tree} has no Makefile: not a kernel tree`);

const tablePath = (t) => join(dir, `lines-${t}.json`);
const source = opts.from ?? tag;
if (!existsSync(tablePath(source))) usage(`no table ${tablePath(source)}`);
const table = JSON.parse(readFileSync(tablePath(source), 'utf8'));

const makefile = readFileSync(join(tree, 'Makefile'), 'utf8');
const mk = (k) => (makefile.match(new RegExp(`^${k} = ?(.*)$`, 'm')) ?? [])[1]?.trim() ?? '';
const version = `${mk('VERSION')}.${mk('PATCHLEVEL')}.${mk('SUBLEVEL')}${mk('EXTRAVERSION')}`;

const files = new Map();
const linesOf = (file) => {
  if (!files.has(file)) {
    const p = join(tree, file);
    if (!existsSync(p)) throw new Error(`${file} is not in the tree`);
    files.set(file, readFileSync(p, 'utf8').split('\n'));
  }
  return files.get(file);
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A definition's signature runs into a `{` at column 0; a prototype's ends with `;` first. */
function isDefinition(lines, i) {
  for (let j = i; j < lines.length && j < i + 12; j++) {
    if (lines[j].startsWith('{')) return true;
    if (lines[j].trimEnd().endsWith(';')) return false;
  }
  return false;
}

function findLine(key, e) {
  const lines = linesOf(e.file);
  const def = new RegExp(`^([A-Za-z_].*[\\s*])?${escape(e.func)}\\(`);
  let start = -1;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (def.test(l) && isDefinition(lines, i) && ++seen === (e.def ?? 1)) {
      start = i;
      break;
    }
  }
  if (start < 0) throw new Error(`${key}: no definition of ${e.func} in ${e.file}`);
  let end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
  if (end < 0) end = lines.length;
  let from = start;
  if (e.after !== undefined) {
    from = lines.findIndex((l, i) => i > start && i < end && l.includes(e.after));
    if (from < 0) throw new Error(`${key}: "${e.after}" is not in ${e.func}`);
  }
  if (e.find === undefined) return start + 1;
  const at = lines.findIndex((l, i) => i >= from && i < end && l.includes(e.find));
  if (at < 0)
    throw new Error(`${key}: "${e.find}" is not in ${e.func}${e.after ? ` after "${e.after}"` : ''}`);
  return at + 1;
}

const errors = [];
let moved = 0;
for (const [key, e] of Object.entries(table.entries)) {
  try {
    const line = findLine(key, e);
    if (line !== e.line) {
      moved++;
      if (opts.check) console.log(`${key}: ${e.line} -> ${line}`);
      e.line = line;
    }
  } catch (err) {
    errors.push(err.message);
  }
}
for (const m of errors) console.error(`source-lines: ${m}`);
if (errors.length > 0) process.exit(1);
console.log(`${tag}: ${Object.keys(table.entries).length} entries, ${moved} moved (tree says ${version})`);
if (opts.check) process.exit(moved > 0 ? 1 : 0);

table.tag = tag;
table.linkTag = opts['link-tag'] ?? (source === tag ? table.linkTag : tag);
table.tree = opts['tree-name'] ?? (source === tag ? table.tree : tree);
table.version = version;
writeFileSync(tablePath(tag), `${JSON.stringify(table, null, 2)}\n`);

// A new table joins the registry: one import and one entry in tables.ts.
const registry = join(dir, 'tables.ts');
const reg = readFileSync(registry, 'utf8');
const ident = `LINES_${tag.replace(/[^A-Za-z0-9]/g, '_')}`;
if (!reg.includes(`'./lines-${tag}.json'`)) {
  const withImport = reg.replace(
    /(\/\/ tables:imports\n)/,
    `$1import ${ident} from './lines-${tag}.json' with { type: 'json' };\n`,
  );
  const withEntry = withImport.replace(/(\/\/ tables:entries\n)/, `$1  '${tag}': ${ident},\n`);
  writeFileSync(registry, withEntry);
  console.log(`registered ${tag} in src/engine/sources/tables.ts`);
}
