// The source sheet (the `copydesk entities --format json` object of one draft) as Markdown.

export interface Place {
  line: number;
  column: number;
  offset?: number;
}

export interface Entity {
  name: string;
  kind: string;
  role?: string | null;
  mentions?: { start?: Place; text?: string }[];
  variants?: string[];
}

export interface Quote {
  start?: Place;
  text?: string;
  speaker?: string | null;
}

export interface SheetFile {
  path?: string;
  story_date?: string | null;
  entities?: Entity[];
  quotes?: Quote[];
}

/** Either the whole `{version, files: [...]}` object or one file of it. */
export type SourceSheet = SheetFile & { files?: SheetFile[] };

const GROUPS: [string, string][] = [
  ['person', 'People'],
  ['place', 'Places'],
  ['organization', 'Organizations'],
];

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function fileOf(sheet: SourceSheet | null | undefined): SheetFile {
  if (!sheet) {
    return {};
  }
  if (Array.isArray(sheet.files)) {
    return sheet.files[0] ?? {};
  }
  return sheet;
}

/** Renders the sheet: people, places and organizations with roles, then quotes with speakers. */
export function renderSourceSheet(sheet: SourceSheet | null | undefined, title: string): string {
  const file = fileOf(sheet);
  const lines: string[] = [`# Sources: ${escapeMarkdown(title)}`, ''];
  if (typeof file.story_date === 'string') {
    lines.push(`Story date: ${file.story_date}`, '');
  }
  const entities = Array.isArray(file.entities) ? file.entities : [];
  for (const [kind, heading] of GROUPS) {
    lines.push(`## ${heading}`, '');
    const members = entities.filter((e) => e.kind === kind);
    if (members.length === 0) {
      lines.push('- none');
    }
    for (const entity of members) {
      const mentions = Array.isArray(entity.mentions) ? entity.mentions : [];
      const notes = [mentions.length === 1 ? '1 mention' : `${mentions.length} mentions`];
      const first = mentions[0]?.start?.line;
      if (typeof first === 'number') {
        notes.push(`first on line ${first}`);
      }
      if (Array.isArray(entity.variants) && entity.variants.length > 0) {
        notes.push(`variants: ${entity.variants.map(escapeMarkdown).join(', ')}`);
      }
      const role = entity.role ? `, ${escapeMarkdown(entity.role)}` : '';
      lines.push(`- **${escapeMarkdown(entity.name)}**${role} (${notes.join('; ')})`);
    }
    lines.push('');
  }
  lines.push('## Quotes', '');
  const quotes = Array.isArray(file.quotes) ? file.quotes : [];
  if (quotes.length === 0) {
    lines.push('- none');
  }
  for (const quote of quotes) {
    const speaker = quote.speaker ? `**${escapeMarkdown(quote.speaker)}**` : '**no speaker**';
    const where = typeof quote.start?.line === 'number' ? `line ${quote.start.line}, ` : '';
    const text = escapeMarkdown((quote.text ?? '').replace(/\s+/g, ' ').trim());
    lines.push(`- ${where}${speaker}: ${text}`);
  }
  lines.push('');
  return lines.join('\n');
}
