/**
 * Types for the ESM-only verifiable-credential libraries, which ship none. Only what this
 * module uses is declared; the shapes follow the libraries' JSDoc.
 */
declare module '@digitalcredentials/vc' {
  export interface VerifyLogEntry {
    id: string;
    valid: boolean;
  }
  export interface VerifyCredentialResult {
    verified: boolean;
    log?: VerifyLogEntry[];
    error?: Error & { log?: VerifyLogEntry[]; errors?: Error[] };
    results?: Array<{ verified: boolean; error?: Error & { errors?: Error[] }; log?: VerifyLogEntry[] }>;
  }
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown | unknown[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean; results?: unknown[] }>;
    now?: string | Date;
  }): Promise<VerifyCredentialResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalcredentials/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown });
  }
}

declare module '@digitalbazaar/multikey-context' {
  export const CONTEXT_URL: string;
  export const CONTEXT: object;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): unknown;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519MultikeyPair>;
  export function from(key: {
    id?: string;
    controller?: string;
    type?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  }): Promise<Ed25519MultikeyPair>;
}
