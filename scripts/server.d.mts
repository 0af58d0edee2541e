import type { IncomingMessage } from "node:http";

export declare const PEER_HEADER: string;
export declare function stampPeer(req: IncomingMessage): void;
export declare function baselineHeaders(appUrl: string | undefined): Record<string, string>;
