/** Request and response shapes of API clients' tokens (issue 16), which an admin creates and revokes. */

/** What a token may be used for; `fhir:read` reads the FHIR API under /fhir/R4. */
export const API_TOKEN_SCOPES = ['fhir:read'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** One token as the admin panel lists it (never the token itself). */
export interface ApiTokenView {
  id: number;
  name: string;
  /** The token's first characters, to tell which system holds which. */
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** GET /api/api-tokens */
export interface ApiTokenListResponse {
  tokens: ApiTokenView[];
}

/** POST /api/api-tokens */
export interface CreateApiTokenRequest {
  name: string;
  scopes: ApiTokenScope[];
}

/** The answer to POST /api/api-tokens: the only time the token is shown. */
export interface CreatedApiTokenResponse {
  token: ApiTokenView;
  secret: string;
}
