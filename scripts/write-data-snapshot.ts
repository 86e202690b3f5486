/**
 * Writes the data snapshot (src/lib/data/snapshot.ts): the Node engine loads data/ and writes
 * each table as DIR/TABLE.arrow (Arrow IPC stream). Run by the Vite plugin
 * (scripts/vite-data-snapshot.ts) in a child process; prints the table names as JSON.
 *   tsx scripts/write-data-snapshot.ts DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createNodeEngine } from '../src/lib/data/engine-node.ts';
import { loadDataFiles } from '../src/lib/data/database.ts';
import { readDataDir } from '../src/lib/server/db.ts';
import { writeSnapshot } from '../src/lib/data/snapshot.ts';

const dir = resolve(process.argv[2] ?? '.svelte-kit/data-snapshot');
const engine = await createNodeEngine();
await loadDataFiles(engine, readDataDir());
const tables = writeSnapshot(engine);
await engine.close();
mkdirSync(dir, { recursive: true });
for (const [table, bytes] of Object.entries(tables)) writeFileSync(resolve(dir, `${table}.arrow`), bytes);
console.log(JSON.stringify(Object.keys(tables)));
