import { createHash, randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { ApiTokenScope, ApiTokenView } from '../../common/api-tokens';
import { AppError, notFound } from '../errors';
import { ApiToken } from '../models';
import { audit } from './audit';
import { systemNow } from '../clock';

/** Every token starts with this, so a leaked one is recognisable in logs and by secret scanners. */
const TOKEN_PREFIX = 'mqt_';

/** The stored form of a token: SHA-256, hex. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The admin who acts, and from where. */
export interface TokenActor {
  userId: number;
  ip?: string;
}

/** The panel's view of one token. */
export function presentApiToken(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.tokenPrefix,
    scopes: token.scopeList(),
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

/** 401 for a token that is unknown or revoked (one answer for both: a caller learns nothing from it). */
const invalidToken = () =>
  new AppError(401, 'invalid_token', 'The API token is not valid or has been revoked.', undefined, {
    'WWW-Authenticate': 'Bearer error="invalid_token"',
  });

/**
 * API clients' tokens (issue 16): created and revoked by an admin (both audited), looked up by hash on each use.
 */
export class ApiTokenService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly now: () => Date = systemNow,
  ) {}

  /** Every token, newest first. */
  async list(): Promise<ApiToken[]> {
    return ApiToken.findAll({ order: [['id', 'DESC']] });
  }

  /** Makes a token; the secret is returned once and only its hash is kept. */
  async create(name: string, scopes: ApiTokenScope[], actor: TokenActor): Promise<{ token: ApiToken; secret: string }> {
    const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const token = await this.sequelize.transaction(async (transaction) => {
      const created = await ApiToken.create(
        { name, tokenHash: hashToken(secret), tokenPrefix: secret.slice(0, 10), scopes: [...new Set(scopes)].join(' '), createdBy: actor.userId },
        { transaction },
      );
      await audit({ userId: actor.userId, action: 'api_token.create', entityType: 'api_token', entityId: created.id, ip: actor.ip, details: { name, scopes } }, transaction);
      return created;
    });
    return { token, secret };
  }

  /** Revokes a token at once; revoking a revoked one changes nothing. */
  async revoke(id: number, actor: TokenActor): Promise<ApiToken> {
    return this.sequelize.transaction(async (transaction) => {
      const token = await ApiToken.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!token) throw notFound('That API token');
      if (token.revokedAt) return token;
      await token.update({ revokedAt: this.now() }, { transaction });
      await audit({ userId: actor.userId, action: 'api_token.revoke', entityType: 'api_token', entityId: id, ip: actor.ip }, transaction);
      return token;
    });
  }

  /**
   * The live token behind `secret` (its last use noted), or 401. A revoked token's attempt is audited (someone still
   * holds it); an unknown one is not, so guessing cannot fill the trail.
   */
  async authenticate(secret: string, ip?: string): Promise<ApiToken> {
    const token = await ApiToken.findOne({ where: { tokenHash: hashToken(secret) } });
    if (!token) throw invalidToken();
    if (token.revokedAt) {
      await audit({ userId: null, action: 'api_token.refused', entityType: 'api_token', entityId: token.id, ip, details: { reason: 'revoked' } });
      throw invalidToken();
    }
    await token.update({ lastUsedAt: this.now() });
    return token;
  }
}
