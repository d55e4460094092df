/**
 * Apollo on Express, written here instead of @as-integrations/express5's `expressMiddleware`.
 * That one answers with Express's `res.send`, which for every GraphQL answer copied the JSON
 * string into a Buffer, hashed it for a weak ETag (the board's answer is ~95 KB) and checked
 * request freshness — for POST answers that no cache ever revalidates (they are `no-store`,
 * graphqlHeaders). Here the string goes to the socket as it is (bench/dashboard.mjs, issue 15).
 * Everything else is what the integration did: the same HeaderMap, search string and body
 * handed to Apollo, Apollo's headers and status, chunked answers written as they come.
 */
import type { ApolloServer, BaseContext, ContextFunction, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

export function graphqlHandler<C extends BaseContext>(server: ApolloServer<C>, context: ContextFunction<[{ req: Request; res: Response }], C>): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return async (req, res) => {
    if (!('body' in req)) {
      res.status(500).type('text/plain').end('req.body is not set: the JSON body parser must run before GraphQL.');
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const q = req.url.indexOf('?');
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method.toUpperCase(), headers, search: q < 0 ? '' : req.url.slice(q), body: req.body };
    const answer = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context({ req, res }) });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
