import { createServer, type RequestListener } from 'node:http';
import type { FastifyServerFactory } from 'fastify';

/** Answers a request itself and returns true, or returns false to pass it on untouched. */
export type FrontDoor = (...args: Parameters<RequestListener>) => boolean;

/**
 * Fastify's HTTP/1 server with a front door: a listener that may answer a request before
 * Fastify does (the response cache's replays). The door is fitted once the app is ready; until
 * then, and whenever it declines, Fastify handles the request as usual.
 */
export function frontDoorServer(): { factory: FastifyServerFactory; fit(door: FrontDoor): void } {
  let door: FrontDoor | undefined;
  const factory: FastifyServerFactory = (handler, opts) => {
    const options = opts as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket?: number };
    const server = createServer((req, res) => {
      if (door === undefined || !door(req, res)) handler(req, res);
    });
    // What Fastify does to the server it would have created (its options carry the defaults).
    server.keepAliveTimeout = options.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
  return {
    factory,
    fit(next) {
      door = next;
    },
  };
}
