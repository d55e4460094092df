/**
 * Two shapes of object that, on Node 20 (V8 11.3), keep a request's objects alive through the
 * next young-generation collection, which then promotes every one of them to the old generation
 * (measured with `--trace-gc-nvp`: 99–100 % promotion rate, scavenges of 10–20 ms instead of
 * 1–2 ms; docs/decisions.md, "Session 8"; bench/dashboard.mjs):
 *  - a spread followed by more properties: `{ ...base, key: v }` (common/objects.ts `extend`
 *    builds the same object without it);
 *  - an object literal with a getter or setter: each evaluation makes a hidden class of its own,
 *    holding the accessor closures.
 * This test keeps both off the files every GraphQL request and the Kasubbag's board run through,
 * and checks that the patch of @apollo/server (patches/) that removes them from Apollo's request
 * pipeline is installed. Other files (mutations, jobs, exports, start-up) may use either shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const src = path.join(__dirname, '../src');

/** The request pipeline (HTTP, GraphQL, authentication) and the board's read path. */
const REQUEST_PATH = [
  'app.ts',
  ...fs.readdirSync(path.join(src, 'http')).filter((f) => f.endsWith('.ts')).map((f) => `http/${f}`),
  ...fs.readdirSync(path.join(src, 'graphql')).filter((f) => f.endsWith('.ts')).map((f) => `graphql/${f}`),
  'auth/auth.service.ts',
  'common/errors.ts',
  'common/loaders.ts',
  'common/input-guard.ts',
  'db/sql.ts',
  'data-request/data-request.service.ts',
  'data-request/data-request.resolver.ts',
  'submission/submission.service.ts',
  'submission/submission.sql.ts',
  'submission/submission.resolver.ts',
  'analysis/indicator-value.ts',
];

/** Where in `text` an object literal has a spread with properties after it, or an accessor. */
function findShapes(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      let spread = false;
      for (const p of node.properties) {
        if (ts.isSpreadAssignment(p)) spread = true;
        else if (ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) found.push(`${at(p)} accessor in an object literal`);
        else if (spread) {
          found.push(`${at(p)} property after a spread`);
          break;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

it('the scan finds both shapes (and not their harmless relatives)', () => {
  const found = findShapes(
    'sample.ts',
    `const a = { ...b, c: 1 };
     const d = { c: 1, ...b };
     const e = { ...b, ...f };
     const g = { get h() { return 1; } };
     const i = Object.assign({}, b, { c: 1 });`,
  );
  expect(found).toEqual(['sample.ts:1 property after a spread', 'sample.ts:4 accessor in an object literal']);
});

it('no request-path file builds a spread-then-property or accessor object literal', () => {
  const found = REQUEST_PATH.flatMap((f) => findShapes(f, fs.readFileSync(path.join(src, f), 'utf8')));
  expect(REQUEST_PATH.length).toBeGreaterThan(20);
  expect(found).toEqual([]);
});

it('the installed @apollo/server carries the request-pipeline patch (patches/@apollo__server@5.5.1.patch)', () => {
  // '@apollo/server' resolves to dist/cjs/index.js here; the ESM build sits beside it.
  const dist = path.dirname(path.dirname(require.resolve('@apollo/server')));
  for (const build of ['cjs', 'esm']) {
    const read = (f: string) => fs.readFileSync(path.join(dist, build, f), 'utf8');
    const pipeline = read('requestPipeline.js');
    expect(pipeline).toContain('execute(Object.assign({}, requestContext, {');
    expect(pipeline).toContain('singleResult: Object.assign({}, result, { errors: formattedErrors })');
    expect(read('runHttpQuery.js')).toContain('return Object.assign({}, graphQLResponse.http, {');
    const gateway = read('utils/makeGatewayGraphQLRequestContext.js');
    expect(gateway).toContain('http: new GatewayResponseHttp(newRequestContext.response.http)');
    expect(findShapes('makeGatewayGraphQLRequestContext.js', gateway)).toEqual([]);
  }
});
