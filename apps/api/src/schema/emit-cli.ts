import fs from 'node:fs';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { getSchema, SDL_PATH } from './build-schema';

export async function renderSdl(): Promise<string> {
  const header = '# SIPEDAKI GraphQL schema — generated from the code by `pnpm codegen`; do not edit.\n\n';
  return header + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}

if (require.main === module) {
  renderSdl().then((sdl) => {
    fs.writeFileSync(SDL_PATH, sdl);
    process.stdout.write(`wrote ${SDL_PATH}\n`);
  });
}
