import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectedFields } from './selection';

// A small schema whose one resolver records what selectedFields answers for the query.
const schema = buildSchema(`
  type Value { id: ID! code: String! name: String! capaian: Float }
  type Sub { id: ID! status: String! values: [Value!]! reviews: [String!]! }
  type Query { subs: [Sub!]! }
`);

async function seen(query: string, path: string[] = []) {
  let answer: string[] = [];
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      subs: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        answer = [...selectedFields(info, path)].sort();
        return [];
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return answer;
}

describe('selectedFields', () => {
  it('names the fields right below the resolved field, and below a path', async () => {
    expect(await seen('{ subs { id values { code capaian } } }')).toEqual(['id', 'values']);
    expect(await seen('{ subs { id values { code capaian } } }', ['values'])).toEqual(['capaian', 'code']);
    expect(await seen('{ subs { id } }', ['values'])).toEqual([]);
  });

  it('follows named and inline fragments, and names fields by their schema name, not their alias', async () => {
    const q = `query { subs { ...S ... on Sub { reviews } } }
      fragment S on Sub { id v: values { ...V label: name } }
      fragment V on Value { code }`;
    expect(await seen(q)).toEqual(['id', 'reviews', 'values']);
    expect(await seen(q, ['values'])).toEqual(['code', 'name']);
  });

  it('counts a field under @skip or @include as selected (never too few)', async () => {
    expect(await seen('query($no: Boolean!) { subs { id reviews @skip(if: $no) } }'.replace('$no: Boolean!', '$no: Boolean = true'))).toEqual(['id', 'reviews']);
  });

  it('merges the same field selected twice', async () => {
    expect(await seen('{ subs { values { code } values { name } } }', ['values'])).toEqual(['code', 'name']);
  });
});
