import type { TConfig } from '../../config/config';
import type { TDb } from '../../db/client';
import { AppError } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { findUserById, findUserByUsername, updateUser, type TUserRow } from '../users/users.repo';
import { presentUserForAudit } from '../users/users.presenter';
import {
  countRecentFailures,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  findLiveToken,
  insertLoginAttempt,
  insertSession,
  markTokenUsed,
  touchSession,
} from './auth.repo';
import { generateToken, hashApiToken, hashSessionToken } from './auth-tokens';
import type { TActor, TModule, TRole } from './auth.policy';
import { assertPasswordStrength, getDummyHash, hashPassword, verifyPassword } from './password';

export type TAuthServiceDeps = {
  db: TDb;
  config: Pick<TConfig, 'sessionSecret' | 'sessionTtlHours' | 'loginMaxAttempts' | 'loginLockMinutes' | 'loginIpMaxFailures'>;
  clock?: () => Date;
};

/** Minutes a session may stay idle before its expiry is pushed forward again. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
const IP_WINDOW_MS = 15 * 60 * 1000;

export const actorFromUser = (user: TUserRow, via: TActor['via'], tokenScopes?: string[]): TActor => ({
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role as TRole,
  modules: user.modules as TModule[],
  unitCodes: user.unitCodes,
  enterpriseIds: user.enterpriseIds,
  via,
  tokenScopes,
});

/**
 * Login, logout, session and token resolution, password change. Login failures are recorded
 * (per account: lockout after N failures; per IP: rate limit) in their own transaction so a
 * refused login still leaves its trace.
 */
export const createAuthService = ({ db, config, clock = () => new Date() }: TAuthServiceDeps) => {
  const sessionTtlMs = config.sessionTtlHours * 3600 * 1000;

  const recordFailure = async (ctx: TRequestContext, username: string, user: TUserRow | undefined, reason: string) => {
    return db.transaction(async (tx) => {
      await insertLoginAttempt(tx, { username, ip: ctx.ip, success: false });
      if (!user) return null;
      const locked = await findUserById(tx, user.id, { forUpdate: true });
      if (!locked) return null;
      const failures = locked.failedAttempts + 1;
      const lockNow = reason === 'password' && failures >= config.loginMaxAttempts;
      const lockedUntil = lockNow ? new Date(clock().getTime() + config.loginLockMinutes * 60_000) : locked.lockedUntil;
      await updateUser(tx, user.id, { failedAttempts: lockNow ? 0 : failures, lockedUntil });
      await recordAudit(tx, { ...ctx, systemActor: username }, {
        entity: 'user',
        entityId: user.id,
        action: lockNow ? 'auth.locked' : 'auth.login_failed',
        after: { reason, failures, lockedUntil: lockedUntil?.toISOString() ?? null },
      });
      return lockNow ? lockedUntil : null;
    });
  };

  /** Checks the credentials and opens a session; returns the cookie token and the CSRF token. */
  const login = async (ctx: TRequestContext, input: { username: string; password: string; userAgent: string | null }) => {
    const now = clock();
    const ipFailures = await countRecentFailures(db, ctx.ip, new Date(now.getTime() - IP_WINDOW_MS));
    if (ipFailures >= config.loginIpMaxFailures) {
      throw new AppError('TOO_MANY_ATTEMPTS', 'Too many failed logins from this address; try again in 15 minutes');
    }
    const user = await findUserByUsername(db, input.username);
    if (!user) {
      await verifyPassword(await getDummyHash(), input.password);
      await recordFailure(ctx, input.username, undefined, 'unknown_user');
      throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await recordFailure(ctx, input.username, user, 'locked');
      throw new AppError('ACCOUNT_LOCKED', 'The account is temporarily locked after repeated failed logins', {
        lockedUntil: user.lockedUntil.toISOString(),
      });
    }
    const isValid = await verifyPassword(user.passwordHash, input.password);
    if (!isValid) {
      const lockedUntil = await recordFailure(ctx, input.username, user, 'password');
      if (lockedUntil) {
        throw new AppError('ACCOUNT_LOCKED', 'The account is temporarily locked after repeated failed logins', {
          lockedUntil: lockedUntil.toISOString(),
        });
      }
      throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    if (user.disabled) {
      await recordFailure(ctx, input.username, user, 'disabled');
      throw new AppError('ACCOUNT_DISABLED', 'This account has been disabled; contact the administrator');
    }
    const token = generateToken();
    const csrfToken = generateToken(24);
    const updated = await db.transaction(async (tx) => {
      await insertLoginAttempt(tx, { username: user.username, ip: ctx.ip, success: true });
      await insertSession(tx, {
        tokenHash: hashSessionToken(config.sessionSecret, token),
        userId: user.id,
        csrfToken,
        ip: ctx.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
        expiresAt: new Date(now.getTime() + sessionTtlMs),
      });
      const row = await updateUser(tx, user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now });
      await recordAudit(tx, { ...ctx, actor: actorFromUser(row, 'session') }, { entity: 'user', entityId: user.id, action: 'auth.login' });
      return row;
    });
    return { token, csrfToken, user: updated };
  };

  /** Resolves a session cookie to its user; extends the session while it is used. */
  const resolveSession = async (token: string) => {
    const now = clock();
    const tokenHash = hashSessionToken(config.sessionSecret, token);
    const found = await findLiveSession(db, tokenHash, now);
    if (!found || found.user.disabled) return null;
    if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await touchSession(db, tokenHash, now, new Date(now.getTime() + sessionTtlMs));
    }
    return { tokenHash, csrfToken: found.session.csrfToken, user: found.user };
  };

  /** Resolves a personal access token (Authorization: Bearer) to an actor limited to its scopes. */
  const resolveApiToken = async (token: string) => {
    const now = clock();
    const found = await findLiveToken(db, hashApiToken(token), now);
    if (!found || found.user.disabled) return null;
    if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await markTokenUsed(db, found.token.id, now);
    }
    return actorFromUser(found.user, 'token', found.token.scopes);
  };

  const logout = async (ctx: TRequestContext, tokenHash: string) => {
    await db.transaction(async (tx) => {
      await deleteSession(tx, tokenHash);
      await recordAudit(tx, ctx, { entity: 'user', entityId: ctx.actor?.userId ?? null, action: 'auth.logout' });
    });
  };

  /** Changes the signed-in user's password; other sessions of the user are closed. */
  const changePassword = async (
    ctx: TRequestContext,
    input: { currentPassword: string; newPassword: string; keepSessionHash: string | null },
  ) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const user = await findUserById(db, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong', { path: 'body.currentPassword' });
    }
    assertPasswordStrength(input.newPassword, user.username);
    if (input.newPassword === input.currentPassword) {
      throw new AppError('WEAK_PASSWORD', 'The new password must differ from the current one', { path: 'body.newPassword' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      await updateUser(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: clock() });
      await deleteSessionsOfUser(tx, user.id, input.keepSessionHash ?? undefined);
      await recordAudit(tx, ctx, { entity: 'user', entityId: user.id, action: 'auth.password_changed' });
    });
  };

  const setLocale = async (ctx: TRequestContext, locale: 'vi' | 'en') => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    await db.transaction(async (tx) => {
      const before = await findUserById(tx, actor.userId, { forUpdate: true });
      if (!before) throw new AppError('UNAUTHENTICATED', 'Sign in first');
      const after = await updateUser(tx, actor.userId, { locale });
      await recordAudit(tx, ctx, {
        entity: 'user',
        entityId: actor.userId,
        action: 'user.locale',
        before: presentUserForAudit(before),
        after: presentUserForAudit(after),
      });
    });
  };

  const getUser = (id: number) => findUserById(db, id);

  return { login, resolveSession, resolveApiToken, logout, changePassword, setLocale, getUser };
};

export type TAuthService = ReturnType<typeof createAuthService>;
