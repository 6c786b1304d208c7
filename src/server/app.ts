import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TConfig } from '../config/config';
import type { TDatabase } from '../db/client';
import { registerAuditRoutes } from '../modules/audit/audit.routes';
import { registerAuthRoutes } from '../modules/auth/auth.routes';
import { createAuthService } from '../modules/auth/auth.service';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes';
import { createCalendarService } from '../modules/calendar/calendar.service';
import { registerProcedureRoutes } from '../modules/procedures/procedures.routes';
import { createProcedureService } from '../modules/procedures/procedures.service';
import { registerServiceIndexRoutes } from '../modules/service-index/service-index.routes';
import { createServiceIndexService } from '../modules/service-index/service-index.service';
import { registerComplianceRoutes } from '../modules/compliance/compliance.routes';
import { createComplianceService } from '../modules/compliance/compliance.service';
import { registerSupportRoutes } from '../modules/support/support.routes';
import { createSupportService } from '../modules/support/support.service';
import { registerDrilldownRoutes, registerStatisticsRoutes } from '../modules/statistics/statistics.routes';
import { createDrilldownService } from '../modules/statistics/drilldown.service';
import { createProductivityService } from '../modules/statistics/productivity.service';
import { createStatisticsService } from '../modules/statistics/statistics.service';
import { registerReportingRoutes } from '../modules/reporting/reporting.routes';
import { createReportingService } from '../modules/reporting/reporting.service';
import { createReportsImportService } from '../modules/reporting/reports-import.service';
import { createReportsOverviewService } from '../modules/reporting/reports-overview.service';
import { createReportsTemplateService } from '../modules/reporting/reports-template.service';
import { registerBasketRoutes } from '../modules/basket/basket.routes';
import { createBasketService } from '../modules/basket/basket.service';
import { registerBriefingRoutes } from '../modules/briefing/briefing.routes';
import { registerCaseRoutes } from '../modules/cases/cases.routes';
import { createCaseEngine } from '../modules/cases/cases.service';
import { createSupportReminders } from '../modules/support/support-reminders';
import { registerDossierRoutes } from '../modules/dossiers/dossiers.routes';
import { createDossierService } from '../modules/dossiers/dossiers.service';
import { registerPetitionRoutes } from '../modules/petitions/petitions.routes';
import { createPetitionService } from '../modules/petitions/petitions.service';
import { createBriefingService } from '../modules/briefing/briefing.service';
import { registerEnterpriseRoutes } from '../modules/enterprises/enterprises.routes';
import { createEnterpriseImportService } from '../modules/enterprises/enterprises-import.service';
import { createEnterpriseService } from '../modules/enterprises/enterprises.service';
import { registerHealthRoutes } from '../modules/health/health.routes';
import { createMailService } from '../modules/mail/mail.service';
import { createSmtpTransport, type TMailTransport } from '../modules/mail/mail-transport';
import { registerOutboxRoutes } from '../modules/mail/outbox.routes';
import { registerTokenRoutes } from '../modules/tokens/tokens.routes';
import { createTokenService } from '../modules/tokens/tokens.service';
import { registerUnitRoutes } from '../modules/units/units.routes';
import { createUnitService } from '../modules/units/units.service';
import { registerUserRoutes } from '../modules/users/users.routes';
import { createUserService } from '../modules/users/users.service';
import type { TApp } from './app-types';
import { registerAuthHooks, type TRouteEntry } from './auth-hooks';
import { registerErrorHandler, sendNotFound } from './error-handler';
import { resolveLanguage } from './i18n/language';
import { translateAnswerMessages } from './i18n/translate';
import { APP_VERSION } from './version';

export const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export type TAppOptions = {
  config: TConfig;
  database: TDatabase;
  /** Replaces SMTP (tests pass a fake); default: SMTP when SMTP_URL is set, else outbox only. */
  mailTransport?: TMailTransport | null;
  logger?: boolean;
};

/**
 * The composition root: builds services from their dependencies and registers every route.
 * Returns the app, its route table (for the access test) and the services (for jobs and CLI).
 */
export const buildApp = async ({ config, database, mailTransport, logger = true }: TAppOptions) => {
  const app = Fastify({
    logger: logger
      ? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] }
      : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>() as TApp;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20 }, throwFileSizeLimit: true });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'congthuong API', version: APP_VERSION, description: 'API of the Department of Industry and Trade information system. Errors: {code, message, details, requestId}.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ct_session' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal access token (ct_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const db = database.db;
  const transport = mailTransport !== undefined ? mailTransport : config.smtpUrl ? createSmtpTransport(config.smtpUrl) : null;
  const mailService = createMailService({ db, transport, from: config.mailFrom });
  const authService = createAuthService({ db, config });
  const userService = createUserService({ db, mail: mailService });
  const tokenService = createTokenService({ db });
  const unitService = createUnitService({ db });
  const enterpriseService = createEnterpriseService({ db });
  const calendarService = createCalendarService({ db });
  const procedureService = createProcedureService({ db });
  const serviceIndexService = createServiceIndexService({ db, calendarService });
  const complianceService = createComplianceService({ db, procedureService });
  const statisticsService = createStatisticsService({ db });
  const productivityService = createProductivityService({ db, latestPeriod: statisticsService.latestPeriod });
  const drilldownService = createDrilldownService({ db, latestPeriod: statisticsService.latestPeriod });
  const reportingService = createReportingService({ db, statisticsService, mail: mailService });
  const reportsImportService = createReportsImportService({ db, statisticsService });
  const reportsTemplateService = createReportsTemplateService({ reportingService });
  const reportsOverviewService = createReportsOverviewService({ db });
  const briefingService = createBriefingService({ statisticsService });
  const caseEngine = createCaseEngine({ db, mail: mailService, calendarService, config });
  const dossierService = createDossierService({ db, engine: caseEngine, procedureService, calendarService, config });
  const basketService = createBasketService({ db, statisticsService });
  const enterpriseImportService = createEnterpriseImportService({ db });
  const supportService = createSupportService({ db });
  const supportReminders = createSupportReminders({ engine: caseEngine, config });
  const petitionService = createPetitionService({ db, engine: caseEngine, supportService });

  // The language of messages (Accept-Language, else DEFAULT_LANGUAGE); first hook, so that errors of the auth hooks use it.
  app.decorateRequest('language', config.defaultLanguage);
  app.addHook('onRequest', async (request) => {
    request.language = resolveLanguage(request.headers['accept-language'], config.defaultLanguage);
  });
  // Row errors of dry runs and soft-rule warnings answered with 200, in the request's language like error bodies.
  app.addHook('preSerialization', async (request, _reply, payload) => translateAnswerMessages(request.language, payload));

  const routeTable: TRouteEntry[] = [];
  registerAuthHooks(app, { authService, routeTable });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', String(request.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/docs')) {
      reply.header('x-frame-options', 'DENY');
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
      );
    }
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
    return payload;
  });

  registerHealthRoutes(app, { database });
  registerAuthRoutes(app, { authService, config });
  registerUserRoutes(app, { userService });
  registerTokenRoutes(app, { tokenService });
  registerAuditRoutes(app, { db });
  registerOutboxRoutes(app, { mailService });
  registerUnitRoutes(app, { unitService });
  registerEnterpriseRoutes(app, { db, enterpriseService, importService: enterpriseImportService });
  registerCalendarRoutes(app, { calendarService });
  registerProcedureRoutes(app, { procedureService });
  registerServiceIndexRoutes(app, { serviceIndexService });
  registerComplianceRoutes(app, { complianceService });
  registerStatisticsRoutes(app, { statisticsService, productivityService });
  registerDrilldownRoutes(app, { drilldownService });
  registerReportingRoutes(app, { reportingService, importService: reportsImportService, templateService: reportsTemplateService, overviewService: reportsOverviewService });
  registerBriefingRoutes(app, { briefingService });
  registerCaseRoutes(app, { caseEngine });
  registerDossierRoutes(app, { dossierService });
  registerPetitionRoutes(app, { petitionService });
  registerBasketRoutes(app, { basketService });
  registerSupportRoutes(app, { supportService, supportReminders });

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !/^\/(api|docs|assets)(\/|$)/.test(request.url);
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return sendNotFound(request, reply);
  });

  return { app, routeTable, services: { complianceService, authService, userService, tokenService, unitService, mailService, enterpriseService, enterpriseImportService, calendarService, procedureService, statisticsService, reportingService, supportService, supportReminders, caseEngine, dossierService, petitionService } };
};

export type TBuiltApp = Awaited<ReturnType<typeof buildApp>>;
