import type { DocumentLoader } from '@digitalcredentials/vc';

/**
 * The verifiable-credential libraries are ESM-only: loaded once with a dynamic import from
 * the CommonJS app (STACK.md note 8), with a document loader that never goes online.
 */
export interface CredentialLibraries {
  vc: typeof import('@digitalcredentials/vc');
  DataIntegrityProof: typeof import('@digitalbazaar/data-integrity').DataIntegrityProof;
  eddsaRdfc2022: unknown;
  Ed25519Signature2020: typeof import('@digitalcredentials/ed25519-signature-2020').Ed25519Signature2020;
  Ed25519Multikey: typeof import('@digitalbazaar/ed25519-multikey');
  /** The bundled contexts (VC 1 and 2, Open Badges 3, data integrity, multikey) and did:key; nothing remote. */
  staticLoader: DocumentLoader;
}

let loaded: Promise<CredentialLibraries> | undefined;

async function load(): Promise<CredentialLibraries> {
  const [vc, documentLoaders, dataIntegrity, eddsa, ed25519Signature2020, multikeyContext, Ed25519Multikey] = await Promise.all([
    import('@digitalcredentials/vc'),
    import('@digitalcredentials/security-document-loader'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('@digitalcredentials/ed25519-signature-2020'),
    import('@digitalbazaar/multikey-context'),
    import('@digitalbazaar/ed25519-multikey'),
  ]);
  const loader = documentLoaders.securityLoader({ fetchRemoteContexts: false });
  loader.addStatic(multikeyContext.CONTEXT_URL, multikeyContext.CONTEXT);
  return {
    vc,
    DataIntegrityProof: dataIntegrity.DataIntegrityProof,
    eddsaRdfc2022: eddsa.cryptosuite,
    Ed25519Signature2020: ed25519Signature2020.Ed25519Signature2020,
    Ed25519Multikey,
    staticLoader: loader.build() as DocumentLoader,
  };
}

export function credentialLibraries(): Promise<CredentialLibraries> {
  loaded ??= load().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
