import type { Actor } from '../auth/actor';
import type { Config } from '../config';
import type { AppError } from './errors';
import type { Services } from '../services';

export interface GqlContext {
  actor: Actor | null;
  /** Why the bearer token sent was refused (UNAUTHENTICATED with its words); null when none was sent or it was accepted. */
  authRefusal: AppError | null;
  config: Config;
  services: Services;
  requestId: string;
  /** The client's address (req.ip: the socket's peer, or X-Forwarded-For from a TRUST_PROXY proxy). */
  ip?: string;
  /** The User-Agent header, kept with a new session so the user recognises the device. */
  userAgent?: string;
}
