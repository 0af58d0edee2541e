import type { IncomingMessage } from "node:http";

export declare const PEER_HEADER: string;
export declare function stampPeer(req: IncomingMessage): void;
export declare function baselineHeaders(appUrl: string | undefined): Record<string, string>;
export declare const SMALL_BODY: number;
export declare const UPLOAD_BODY: number;
export declare function bodyPolicy(
  method: string,
  url: string,
  contentLength: number | null,
  chunked?: boolean,
): { allowed: boolean; needsSession: boolean; limit?: number; status?: number };
export declare function routeLabel(url: string | undefined): string;
