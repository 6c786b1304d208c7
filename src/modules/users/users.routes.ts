import { ERROR_RESPONSES, ZNoContent, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { presentAdminUser } from './users.presenter';
import { ZAdminUser, ZCreateUserBody, ZResetPasswordBody, ZUpdateUserBody, ZUserIdParams, ZUserList, ZUserListQuery } from './users.schemas';
import type { TUserService } from './users.service';

/** User administration routes (system administrators). */
export const registerUserRoutes = (app: TApp, { userService }: { userService: TUserService }): void => {
  app.route({
    method: 'GET',
    url: '/api/admin/users',
    config: { access: 'admin.users' },
    schema: { tags: ['admin'], summary: 'List users', querystring: ZUserListQuery, response: { 200: ZUserList, ...ERROR_RESPONSES } },
    handler: async (request) => {
      const result = await userService.listUsers(contextOf(request), request.query);
      return { items: result.items.map(presentAdminUser), total: result.total };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/admin/users',
    config: { access: 'admin.users' },
    schema: { tags: ['admin'], summary: 'Create a user', body: ZCreateUserBody, response: { 201: ZAdminUser, ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      const row = await userService.createUser(contextOf(request), request.body);
      return reply.status(201).send(presentAdminUser(row));
    },
  });

  app.route({
    method: 'PATCH',
    url: '/api/admin/users/:id',
    config: { access: 'admin.users' },
    schema: {
      tags: ['admin'],
      summary: 'Change a user (name, e-mail, role, scope, disabled)',
      params: ZUserIdParams,
      body: ZUpdateUserBody,
      response: { 200: ZAdminUser, ...ERROR_RESPONSES },
    },
    handler: async (request) => presentAdminUser(await userService.updateUserById(contextOf(request), request.params.id, request.body)),
  });

  app.route({
    method: 'POST',
    url: '/api/admin/users/:id/reset-password',
    config: { access: 'admin.users' },
    schema: {
      tags: ['admin'],
      summary: 'Set a new password; the user must change it at next sign-in',
      params: ZUserIdParams,
      body: ZResetPasswordBody,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await userService.resetPassword(contextOf(request), request.params.id, request.body.newPassword);
      return reply.status(204).send(null);
    },
  });
};
