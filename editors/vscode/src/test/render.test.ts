// The status bar text and the source sheet Markdown, from the shapes the server sends.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { renderSourceSheet } from '../sourceSheet';
import { renderStatus } from '../status';

const sheet = {
  version: 1,
  files: [
    {
      path: 'council.md',
      story_date: '2025-03-06',
      entities: [
        {
          name: 'Elena Vasquez',
          kind: 'person',
          role: 'Mayor',
          mentions: [
            { start: { line: 9, column: 7, offset: 120 }, text: 'Vasquez' },
            { start: { line: 27, column: 1, offset: 900 }, text: 'Vasques' },
          ],
          variants: ['Vasques'],
        },
        { name: 'Riverton', kind: 'place', role: null, mentions: [{ start: { line: 7, column: 1 } }], variants: [] },
        { name: 'Ministry of *Health*', kind: 'organization', mentions: [] },
      ],
      quotes: [
        { start: { line: 11, column: 1 }, text: '“We listened\nto residents,”', speaker: 'Elena Vasquez' },
        { start: { line: 23, column: 1 }, text: '"It\'s the right call."', speaker: null },
      ],
    },
  ],
};

test('the source sheet groups entities by kind and names each quote’s speaker', () => {
  const text = renderSourceSheet(sheet, 'council.md');
  assert.match(text, /^# Sources: council\.md\n/);
  assert.match(text, /Story date: 2025-03-06/);
  assert.match(text, /## People\n\n- \*\*Elena Vasquez\*\*, Mayor \(2 mentions; first on line 9; variants: Vasques\)\n/);
  assert.match(text, /## Places\n\n- \*\*Riverton\*\* \(1 mention; first on line 7\)\n/);
  assert.match(text, /## Organizations\n\n- \*\*Ministry of \\\*Health\\\*\*\* \(0 mentions\)\n/);
  assert.match(text, /- line 11, \*\*Elena Vasquez\*\*: “We listened to residents,”\n/);
  assert.match(text, /- line 23, \*\*no speaker\*\*: "It's the right call\."\n/);
});

test('a bare file object and an empty answer both render', () => {
  assert.match(renderSourceSheet(sheet.files[0], 'x'), /Elena Vasquez/);
  const empty = renderSourceSheet(null, 'empty.txt');
  assert.match(empty, /## People\n\n- none/);
  assert.match(empty, /## Quotes\n\n- none/);
});

test('the status bar shows the counts, or the finding count without them', () => {
  const shown = renderStatus({ quotes: 12, unattributed: 1, names: 9, numbers: 1 }, 3);
  assert.equal(shown.text, '$(warning) copydesk: 12 quotes (1 unattributed) · 9 names · 1 number');
  assert.equal(renderStatus({ quotes: 1, unattributed: 0, names: 0, numbers: 0 }, 0).text, '$(check) copydesk: 1 quote · 0 names · 0 numbers');
  assert.equal(renderStatus(undefined, 2).text, '$(warning) copydesk: 2 findings');
});
