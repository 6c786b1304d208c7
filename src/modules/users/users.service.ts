import type { TDb } from '../../db/client';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { deleteSessionsOfUser } from '../auth/auth.repo';
import { canManageUsers, type TActor } from '../auth/auth.policy';
import { assertPasswordStrength, hashPassword } from '../auth/password';
import type { TMailService } from '../mail/mail.service';
import { presentUserForAudit } from './users.presenter';
import {
  countActiveAdmins,
  findUserById,
  findUserByUsername,
  findUsers,
  insertUser,
  updateUser,
  type TUserFilter,
  type TUserRow,
} from './users.repo';
import type { TCreateUserBody, TUpdateUserBody } from './users.schemas';

const requireManager = (ctx: TRequestContext): TActor => {
  if (!ctx.actor || !canManageUsers(ctx.actor)) throw forbidden();
  return ctx.actor;
};

/** Scope fields must match the role: modules for officers, units for area officers, enterprises for enterprise users. */
const normaliseScopes = (role: string, input: { modules: string[]; unitCodes: string[]; enterpriseIds: number[] }) => {
  if (role === 'OFFICER' && input.modules.length === 0) {
    throw new AppError('VALIDATION_ERROR', 'An officer needs at least one module', [{ path: 'body.modules', message: 'required for OFFICER' }]);
  }
  if (role === 'AREA_OFFICER' && input.unitCodes.length === 0) {
    throw new AppError('VALIDATION_ERROR', 'An area officer needs at least one administrative unit', [
      { path: 'body.unitCodes', message: 'required for AREA_OFFICER' },
    ]);
  }
  if (role === 'ENTERPRISE' && input.enterpriseIds.length === 0) {
    throw new AppError('VALIDATION_ERROR', 'An enterprise user needs at least one enterprise', [
      { path: 'body.enterpriseIds', message: 'required for ENTERPRISE' },
    ]);
  }
  return {
    modules: role === 'OFFICER' ? [...new Set(input.modules)] : [],
    unitCodes: role === 'AREA_OFFICER' ? [...new Set(input.unitCodes)] : [],
    enterpriseIds: role === 'ENTERPRISE' ? [...new Set(input.enterpriseIds)] : [],
  };
};

/** User administration: list, create, change role and scope, disable, reset password. */
export const createUserService = ({ db, mail }: { db: TDb; mail: Pick<TMailService, 'queueMail'> }) => {
  const listUsers = async (ctx: TRequestContext, filter: TUserFilter) => {
    requireManager(ctx);
    return findUsers(db, filter);
  };

  const createUser = async (ctx: TRequestContext, input: TCreateUserBody): Promise<TUserRow> => {
    requireManager(ctx);
    assertPasswordStrength(input.password, input.username);
    const scopes = normaliseScopes(input.role, input);
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      if (await findUserByUsername(tx, input.username)) {
        throw new AppError('USERNAME_TAKEN', `The username "${input.username}" is already taken`, { path: 'body.username' });
      }
      const row = await insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        role: input.role,
        ...scopes,
        passwordHash,
        mustChangePassword: true,
      });
      await recordAudit(tx, ctx, { entity: 'user', entityId: row.id, action: 'user.create', after: presentUserForAudit(row) });
      if (row.email) {
        await mail.queueMail(tx, {
          to: row.email,
          subject: 'Tài khoản mới / New account',
          body: `Xin chào ${row.displayName},\n\nTài khoản "${row.username}" đã được tạo. Quản trị viên sẽ gửi mật khẩu ban đầu; hãy đổi mật khẩu khi đăng nhập lần đầu.\n\nYour account "${row.username}" has been created.`,
        });
      }
      return row;
    });
  };

  const updateUserById = async (ctx: TRequestContext, id: number, patch: TUpdateUserBody): Promise<TUserRow> => {
    const actor = requireManager(ctx);
    return db.transaction(async (tx) => {
      const before = await findUserById(tx, id, { forUpdate: true });
      if (!before) throw notFound('User');
      const role = patch.role ?? before.role;
      const scopes = normaliseScopes(role, {
        modules: patch.modules ?? before.modules,
        unitCodes: patch.unitCodes ?? before.unitCodes,
        enterpriseIds: patch.enterpriseIds ?? before.enterpriseIds,
      });
      const losesAdmin = before.role === 'ADMIN' && !before.disabled && (role !== 'ADMIN' || patch.disabled === true);
      if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
        throw new AppError('CONFLICT', 'The last active administrator cannot be demoted or disabled');
      }
      if (id === actor.userId && patch.disabled === true) throw new AppError('CONFLICT', 'You cannot disable your own account');
      const after = await updateUser(tx, id, {
        displayName: patch.displayName ?? before.displayName,
        email: patch.email === undefined ? before.email : patch.email,
        role,
        ...scopes,
        disabled: patch.disabled ?? before.disabled,
      });
      if (after.disabled && !before.disabled) await deleteSessionsOfUser(tx, id);
      const action = after.disabled !== before.disabled ? (after.disabled ? 'user.disable' : 'user.enable') : 'user.update';
      await recordAudit(tx, ctx, {
        entity: 'user',
        entityId: id,
        action,
        before: presentUserForAudit(before),
        after: presentUserForAudit(after),
      });
      return after;
    });
  };

  /** Sets a new password chosen by the administrator; the user must change it at next sign-in. */
  const resetPassword = async (ctx: TRequestContext, id: number, newPassword: string): Promise<void> => {
    requireManager(ctx);
    const target = await findUserById(db, id);
    if (!target) throw notFound('User');
    assertPasswordStrength(newPassword, target.username);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await updateUser(tx, id, { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, passwordChangedAt: new Date() });
      await deleteSessionsOfUser(tx, id);
      await recordAudit(tx, ctx, { entity: 'user', entityId: id, action: 'user.password_reset' });
      if (target.email) {
        await mail.queueMail(tx, {
          to: target.email,
          subject: 'Mật khẩu đã được đặt lại / Password reset',
          body: `Xin chào ${target.displayName},\n\nQuản trị viên đã đặt lại mật khẩu tài khoản "${target.username}". Hãy đổi mật khẩu khi đăng nhập.\n\nAn administrator reset the password of "${target.username}".`,
        });
      }
    });
  };

  return { listUsers, createUser, updateUserById, resetPassword };
};

export type TUserService = ReturnType<typeof createUserService>;
