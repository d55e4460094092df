import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CATALOG } from '../src/common/errors';

it('docs/api.md documents every error code a client can receive', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/api.md'), 'utf8');
  expect(Object.keys(ERROR_CATALOG).filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
});
