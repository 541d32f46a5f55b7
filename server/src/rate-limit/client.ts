import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { Address6 } from 'ip-address';
import { Type } from 'typebox';

/**
 * X-Device-Id: a random UUID the web app keeps in the browser's storage and sends with every
 * write (web/src/device-id.ts). It is not proof of anything; it only lets phones that share a
 * carrier's address be counted apart, so that one of them sending too much holds back only its own.
 */
const uuid = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const DeviceIdHeaders = Type.Object({
  'x-device-id': Type.Optional(Type.String({
    pattern: uuid,
    description: 'A random UUID kept on the device; writes are counted per device as well as per address',
  })),
});
const deviceIdPattern = new RegExp(uuid);

/**
 * The network a request comes from. IPv4 as it is (a carrier's NAT puts many phones behind it);
 * IPv6 by its /64, because a carrier hands each phone a /64 and the phone picks addresses in it
 * at will.
 */
export function networkOf(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const address = new Address6(ip);
  if (address.isMapped4()) return address.to4().correctForm();
  return `${new Address6(`${ip}/64`).startAddress().correctForm()}/64`;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

/** The hash of a request's network address (see networkOf), for counters kept per address. */
export const addressKeyOf = (request: FastifyRequest) => hash(`address:${networkOf(request.ip)}`);

export interface WriteSource {
  /** The device: its X-Device-Id, or without one its address and browser together. */
  device: string;
  /** Its network address (see networkOf). */
  address: string;
}

/**
 * Who is writing, as hashes: counters and reports keep no address in the clear. A header that is
 * not a UUID counts as none here; the route's schema refuses it afterwards.
 */
export function writeSourceOf(request: FastifyRequest): WriteSource {
  const network = networkOf(request.ip);
  const deviceId = request.headers['x-device-id'];
  const device = typeof deviceId === 'string' && deviceIdPattern.test(deviceId)
    ? `device:${deviceId.toLowerCase()}`
    : `browser:${network}\n${request.headers['user-agent'] ?? ''}`;
  return { device: hash(`source:${device}`), address: addressKeyOf(request) };
}
