// The status bar text for a draft, from the copydesk/status counts.

/** The answer to copydesk/status. */
export interface StatusCounts {
  quotes: number;
  unattributed: number;
  names: number;
  numbers: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Status bar text and tooltip; falls back to the finding count when the server gave no counts. */
export function renderStatus(counts: StatusCounts | undefined, findings: number): { text: string; tooltip: string } {
  const icon = findings > 0 ? '$(warning)' : '$(check)';
  if (!counts || typeof counts.quotes !== 'number') {
    return {
      text: `${icon} copydesk: ${plural(findings, 'finding', 'findings')}`,
      tooltip: 'copydesk is running.',
    };
  }
  const quotes = counts.unattributed > 0 ? `${plural(counts.quotes, 'quote', 'quotes')} (${counts.unattributed} unattributed)` : plural(counts.quotes, 'quote', 'quotes');
  const text = `${icon} copydesk: ${quotes} · ${plural(counts.names, 'name', 'names')} · ${plural(counts.numbers, 'number', 'numbers')}`;
  const tooltip = [
    'copydesk is running. Click for the source sheet.',
    `${plural(counts.quotes, 'direct quote', 'direct quotes')}, ${counts.unattributed} without a speaker`,
    `${plural(counts.names, 'name', 'names')} (people, places, organizations)`,
    `${plural(counts.numbers, 'numeric claim', 'numeric claims')}`,
    `${plural(findings, 'finding', 'findings')} in this draft`,
  ].join('\n');
  return { text, tooltip };
}
