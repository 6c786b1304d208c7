import type { TDb } from '../../db/client';
import { AppError, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { listPermissions } from '../auth/auth.policy';
import { generateToken, hashApiToken } from '../auth/auth-tokens';
import { findTokenOfUser, findTokensOfUser, insertToken, revokeToken, type TApiTokenRow } from './tokens.repo';

/** The audited and listed view of a token: never the secret or its hash. */
export const presentToken = (row: TApiTokenRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Personal access tokens: a user creates tokens limited to (a subset of) their own permissions. */
export const createTokenService = ({ db }: { db: TDb }) => {
  const requireActor = (ctx: TRequestContext) => {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (ctx.actor.via === 'token') throw new AppError('FORBIDDEN', 'Tokens cannot manage tokens; sign in');
    return ctx.actor;
  };

  const listTokens = async (ctx: TRequestContext) => findTokensOfUser(db, requireActor(ctx).userId);

  const createToken = async (ctx: TRequestContext, input: { name: string; scopes: string[]; expiresInDays?: number }) => {
    const actor = requireActor(ctx);
    const allowed: string[] = listPermissions(actor);
    const invalid = input.scopes.filter((s) => !allowed.includes(s));
    if (invalid.length) {
      throw new AppError('VALIDATION_ERROR', `Scopes not held by you: ${invalid.join(', ')}`, [
        { path: 'body.scopes', message: `allowed: ${allowed.join(', ')}` },
      ]);
    }
    const secret = generateToken(32);
    const prefix = secret.slice(0, 6);
    const token = `ct_${secret}`;
    const row = await db.transaction(async (tx) => {
      const inserted = await insertToken(tx, {
        userId: actor.userId,
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix,
        scopes: [...new Set(input.scopes)],
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
      });
      await recordAudit(tx, ctx, { entity: 'api_token', entityId: inserted.id, action: 'token.create', after: presentToken(inserted) });
      return inserted;
    });
    return { token, row };
  };

  const revoke = async (ctx: TRequestContext, id: number) => {
    const actor = requireActor(ctx);
    await db.transaction(async (tx) => {
      const before = await findTokenOfUser(tx, actor.userId, id);
      if (!before) throw notFound('Token');
      if (before.revokedAt) return;
      const after = await revokeToken(tx, id, new Date());
      await recordAudit(tx, ctx, { entity: 'api_token', entityId: id, action: 'token.revoke', before: presentToken(before), after: presentToken(after) });
    });
  };

  return { listTokens, createToken, revoke };
};

export type TTokenService = ReturnType<typeof createTokenService>;
