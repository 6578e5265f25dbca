import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { API_BASE_PATH } from '../api-version';
import { ACCESS_METADATA, type RouteAccess } from './access.decorator';

export interface RouteInfo {
  method: string;
  /** Express-style path as served, e.g. /v1/programmes/:id/tracks */
  path: string;
  controller: string;
  handler: string;
  access: RouteAccess | undefined;
}

/** Paths served outside /v1 (kept in step with configureApp's global prefix exclusions). */
export const UNVERSIONED_CONTROLLERS = ['health'];

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment.length > 0)
    .join('/')}`;

/** Every route of the app, from its controllers' metadata. */
export function listRoutes(discovery: DiscoveryService, scanner: MetadataScanner): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '';
    const prefix = UNVERSIONED_CONTROLLERS.includes(base) ? '' : API_BASE_PATH;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      routes.push({
        method: RequestMethod[method],
        path: join(prefix, base, path),
        controller: wrapper.metatype.name,
        handler: name,
        access: Reflect.getMetadata(ACCESS_METADATA, handler) as RouteAccess | undefined,
      });
    }
  }
  return routes;
}

/** Refuses to start when a route has no @Access declaration: no route can be added unguarded. */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = listRoutes(this.discovery, this.scanner).filter((route) => !route.access);
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an @Access declaration: ${undeclared
          .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`)
          .join(', ')}`,
      );
    }
  }
}
