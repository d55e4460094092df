/**
 * src/common/enum-contract.ts asserts at compile time that each database enum equals the
 * packages/sop union it mirrors. Here a copy of the Prisma schema, the SOP package and that file
 * is made in a temporary directory; a value is added on one side only, the Prisma client is
 * generated from the copied schema, and tsc must fail in enum-contract.ts naming the value.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const apiDir = path.join(root, 'apps/api');
const tsc = require.resolve('typescript/bin/tsc', { paths: [apiDir] });
const prismaCli = require.resolve('prisma/build/index.js', { paths: [apiDir] });
const CONTRACT = 'apps/api/src/common/enum-contract.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-enum-contract-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh copy (schema, SOP sources, the contract file), `edit`ed, generated and typechecked. */
function typecheckCopy(name: string, edit: (copy: string) => void, { generate = true } = {}) {
  const copy = path.join(dir, name);
  fs.mkdirSync(path.join(copy, 'prisma'), { recursive: true });
  fs.copyFileSync(path.join(root, 'prisma/schema.prisma'), path.join(copy, 'prisma/schema.prisma'));
  fs.cpSync(path.join(root, 'packages/sop/src'), path.join(copy, 'packages/sop/src'), { recursive: true });
  fs.mkdirSync(path.dirname(path.join(copy, CONTRACT)), { recursive: true });
  fs.copyFileSync(path.join(root, CONTRACT), path.join(copy, CONTRACT));
  edit(copy);
  const generated = path.join(copy, 'apps/api/src/generated/prisma');
  if (!generate) {
    fs.mkdirSync(generated, { recursive: true });
    fs.copyFileSync(path.join(apiDir, 'src/generated/prisma/enums.ts'), path.join(generated, 'enums.ts'));
  }
  // The generator's output path is relative to the schema: <copy>/apps/api/src/generated/prisma.
  const gen = !generate ? { status: 0, stdout: '', stderr: '' } : spawnSync(process.execPath, [prismaCli, 'generate', '--schema', path.join(copy, 'prisma/schema.prisma')], {
    cwd: apiDir,
    encoding: 'utf8',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (gen.status !== 0) throw new Error(`prisma generate failed: ${gen.stdout}${gen.stderr}`);
  fs.writeFileSync(
    path.join(copy, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        skipLibCheck: true,
        types: [],
        paths: { '@sipedaki/sop': ['./packages/sop/src/index.ts'] },
      },
      files: [CONTRACT],
    }),
  );
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(copy, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

const replaceIn = (file: string, from: string | RegExp, to: string) => {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${from} not found in ${file}`);
  fs.writeFileSync(file, next);
};

it('the unchanged copy typechecks (the harness itself is sound)', () => {
  expect(typecheckCopy('unchanged', () => {})).toEqual({ status: 0, out: '' });
}, 60_000);

it('a value added to a Prisma enum without the SOP package fails the typecheck, naming it', () => {
  const r = typecheckCopy('prisma-only', (copy) =>
    replaceIn(path.join(copy, 'prisma/schema.prisma'), /enum RequestStatus \{\n/, 'enum RequestStatus {\n  ARCHIVED\n'),
  );
  expect(r.status).not.toBe(0);
  expect(r.out).toMatch(/enum-contract\.ts\(\d+,\d+\): error TS2344: [^\n]*enum: "RequestStatus"; onlyInPrismaSchema: "ARCHIVED"; onlyInSopPackage: never/);
}, 60_000);

it('a value added to the SOP package without the Prisma schema fails the typecheck, naming it', () => {
  const r = typecheckCopy('sop-only', (copy) =>
    replaceIn(path.join(copy, 'packages/sop/src/steps.ts'), `export type DocumentKind = 'LHP'`, `export type DocumentKind = 'ARSIP' | 'LHP'`),
    { generate: false }, // the schema is unchanged: the committed client's enums are the generated ones
  );
  expect(r.status).not.toBe(0);
  expect(r.out).toMatch(/enum-contract\.ts\(\d+,\d+\): error TS2344: [^\n]*enum: "DocumentKind"; onlyInPrismaSchema: never; onlyInSopPackage: "ARSIP"/);
}, 60_000);
