import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, t=2): OWASP's baseline for password storage.
 * One object, so a test can count how often a password is verified (the login paths must each
 * verify exactly once, whether or not the account exists).
 */
export const passwords = {
  hash: (password: string): Promise<string> => hash(password),
  verify: (hashed: string, password: string): Promise<boolean> => verify(hashed, password).catch(() => false),
};

export const hashPassword = (password: string): Promise<string> => passwords.hash(password);
export const verifyPassword = (hashed: string, password: string): Promise<boolean> => passwords.verify(hashed, password);
