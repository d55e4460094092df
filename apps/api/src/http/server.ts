/**
 * The HTTP server of the Express app, whose request and response objects are born with the app's
 * own prototypes (`app.request`, `app.response`) instead of Node's.
 *
 * Why: Express turns every request and response into its own by `Object.setPrototypeOf(req,
 * app.request)` (and the same for `res`) as it enters the app. Measured on Node 20 (V8 11.3), a
 * request object whose prototype is changed after it was allocated makes the young generation keep
 * almost everything the request allocated: every scavenge promotes what it finds alive to the old
 * generation (99–100 % promotion rate, 5–13 MB per scavenge, with `--trace-gc-nvp`), even for
 * GET /healthz at one connection, and the scavenges take 10–20 ms each instead of under one. A
 * bare `node:http` server does not show it, nor Express when the objects already have Express's
 * prototypes: `setPrototypeOf` to the prototype an object already has changes nothing in V8.
 * So the server constructs them with those prototypes (Node's `IncomingMessage` and
 * `ServerResponse` server options), and Express's per-request `setPrototypeOf` becomes a no-op.
 * docs/decisions.md ("Session 8") has the figures; bench/dashboard.mjs measures the effect.
 */
import http, { type Server } from 'node:http';
import type express from 'express';

/** An `http.Server` serving `app`, whose requests and responses already have the app's prototypes. */
export function createHttpServer(app: express.Express): Server {
  const Request = bornWith(http.IncomingMessage, app.request);
  const Response = bornWith(http.ServerResponse, app.response);
  return http.createServer(
    {
      IncomingMessage: Request,
      ServerResponse: Response,
    },
    app,
  );
}

/**
 * A constructor for `Base`'s objects whose prototype is `prototype` from birth. Node's
 * IncomingMessage and ServerResponse are ES5 constructor functions (Node 20–24): called on the new
 * object, as subclasses did before ES classes. Measured: that is the only form that keeps the young
 * generation clean; `Reflect.construct(Base, args, NewTarget)` still let ~0.6 MB survive each
 * scavenge, and a `class extends` cannot take another prototype. Should Node make them classes,
 * Reflect.construct is the form that still works.
 */
function bornWith<T extends abstract new (...args: never[]) => unknown>(Base: T, prototype: object): T {
  const isClass = /^class\b/.test(Function.prototype.toString.call(Base));
  // Two parameters: Node constructs IncomingMessage(socket) and ServerResponse(req, options).
  const Born: (this: unknown, a: unknown, b: unknown) => unknown = isClass
    ? function (a, b) {
        return Reflect.construct(Base, [a, b], Born);
      }
    : function (this: unknown, a, b) {
        (Base as unknown as (this: unknown, a: unknown, b: unknown) => void).call(this, a, b);
      };
  Born.prototype = prototype;
  return Born as unknown as T;
}

/** Starts serving `app` on `port` and `host`; resolves once it listens. */
export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  const server = createHttpServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
