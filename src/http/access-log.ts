import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The query string can identify a patient (an infobutton request carries age, sex, encounter
     * and organisation ids): the access log and error logs record the path only.
     */
    privateQuery?: boolean;
  }
}

/**
 * Whether a request's query string stays out of the logs: on routes that say so, and on requests
 * no route of ours answered (a 404, or the CORS preflight route `OPTIONS *`), since those may be
 * misspelt or preflighted clinical requests carrying the same parameters.
 */
export function queryIsPrivate(request: FastifyRequest): boolean {
  return request.routeOptions.config?.privateQuery === true || request.is404 || request.routeOptions.url === '*';
}

/**
 * The request as the logger's `req` serializer reads it (Fastify's: method, url, headers for
 * accept-version, host, ip, socket for the port), with the query string cut from the URL when it
 * is private. Only those fields: the serializer decides what is written.
 */
function loggedRequest(request: FastifyRequest) {
  if (!queryIsPrivate(request)) return request;
  const cut = request.url.indexOf('?');
  return {
    method: request.method,
    url: cut < 0 ? request.url : `${request.url.slice(0, cut)}?(query not logged)`,
    headers: request.headers,
    host: request.host,
    ip: request.ip,
    socket: request.socket,
  };
}

/** Whether the request's logger writes info lines (pino's loggers say; any other is asked to). */
function infoEnabled(request: FastifyRequest): boolean {
  const isLevelEnabled = (request.log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled;
  return isLevelEnabled ? isLevelEnabled.call(request.log, 'info') : true;
}

/**
 * Fastify's request logging, with the query string of private requests left out of every line
 * that records the request. Part of the server options (not the logger's), so it holds whatever
 * logger a process or a test sets up.
 */
export class AccessLogController extends LogController {
  // Each line's level is checked first: at the shipped level (warn) a request pays for none of it.
  override incomingRequest(request: FastifyRequest): void {
    if (!infoEnabled(request) || this.isLogDisabled(request)) return;
    request.log.info({ req: loggedRequest(request) }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (!error && !infoEnabled(request)) return;
    super.requestCompleted(error, request, reply);
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (reply.statusCode >= 500) reply.log.error({ req: loggedRequest(request), res: reply, err: error }, error?.message);
    else reply.log.info({ res: reply, err: error }, error?.message);
  }

  override writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    reply.log.warn({ req: loggedRequest(request), res: reply, err: error }, error?.message);
  }

  override routeNotFound(request: FastifyRequest): void {
    if (!infoEnabled(request) || this.isLogDisabled(request)) return;
    request.log.info(`Route ${request.method}:${request.url.split('?')[0] ?? ''} not found`);
  }
}
