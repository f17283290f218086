// Regenerates the table of legal items in docs/governance.md from knowledge/governance.yaml.
// Run after editing a legal item: npx tsx scripts/governance-docs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { GovernanceItem } from '../src/knowledge/types.js';
import { withLegalItemsTable } from '../src/render/governance-table.js';

const items = (parse(readFileSync('knowledge/governance.yaml', 'utf8')) as { governance: GovernanceItem[] }).governance;
const page = 'docs/governance.md';
writeFileSync(page, withLegalItemsTable(readFileSync(page, 'utf8'), items));
