import type { Block, Printout } from './model';

/**
 * The prose a patient reads on a sheet, piece by piece: paragraphs, list
 * items, the sentences under each icon array and the trend chart, and each
 * side effect's name and sentence. Left out, because they are not prose: the
 * title block, section headings, citations, the source list, contact and form
 * labels, and signature lines.
 */
export function proseOf(printout: Printout): string[] {
  return printout.sections.flatMap((s) => s.blocks.flatMap(blockProse));
}

function blockProse(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text];
    case 'list':
      return block.items.map((i) => i.text);
    case 'comparison':
      return block.arms.flatMap((a) => [a.label, a.sentence]);
    case 'effects':
      return block.rows.flatMap((r) => [r.name, r.sentence]);
    case 'trend':
      return block.sentences;
    default:
      return [];
  }
}

/** Every visible string on the sheet, prose or not, in order: for tests that look for a figure or a name. */
export function allTextOf(printout: Printout): string {
  const parts: string[] = [printout.title, ...printout.facts.map((f) => `${f.label}: ${f.value}`)];
  for (const section of printout.sections) {
    parts.push(section.title);
    for (const block of section.blocks) {
      parts.push(...blockProse(block));
      if (block.kind === 'sources') parts.push(...block.sources.map((s) => `${s.id}. ${s.text}`));
      if (block.kind === 'contacts') parts.push(...block.contacts.map((c) => `${c.label}: ${c.value ?? ''}`));
      if (block.kind === 'fields') parts.push(...block.fields.map((f) => `${f.label}: ${f.value ?? ''}`));
      if (block.kind === 'signatures') parts.push(...block.signers.map((s) => `${s.role}: ${s.name ?? ''}`));
      if (block.kind === 'table') parts.push(block.caption, ...block.columns.map((c) => c.label), ...block.rows.flat());
    }
  }
  return parts.join('\n');
}
