/**
 * Every URL the test backpack puts into what it serves, derived from its base URL. OB 2.0 objects
 * live where Badgr serves them (`/public/...`, badgr-server apps/issuer/public_api_urls.py); OB 3.0
 * issuers, keys, credentials and the status list under `/ob3/...`.
 */
export class Urls {
  constructor(readonly base: string) {}

  // Badgr public objects (OB 2.0)
  assertion = (id: string): string => `${this.base}/public/assertions/${id}`;
  assertionImage = (id: string): string => `${this.base}/public/assertions/${id}/image`;
  assertionBaked = (id: string): string => `${this.base}/public/assertions/${id}/baked`;
  badgeClass = (id: string): string => `${this.base}/public/badges/${id}`;
  badgeClassImage = (id: string): string => `${this.base}/public/badges/${id}/image`;
  criteria = (id: string): string => `${this.base}/public/badges/${id}/criteria`;
  issuer = (id: string): string => `${this.base}/public/issuers/${id}`;
  issuerImage = (id: string): string => `${this.base}/public/issuers/${id}/image`;
  issuerKey = (id: string): string => `${this.base}/public/issuers/${id}/keys/1`;
  revocationList = (id: string): string => `${this.base}/public/issuers/${id}/revocations`;
  collection = (shareHash: string): string => `${this.base}/public/collections/${shareHash}`;

  // OB 3.0 objects
  ob3Issuer = (n: number): string => `${this.base}/ob3/issuers/${n}`;
  ob3DiMethod = (n: number): string => `${this.ob3Issuer(n)}#key-1`;
  ob3JwtKey = (n: number, name: 'eddsa' | 'es256'): string => `${this.ob3Issuer(n)}/keys/${name}`;
  ob3Credential = (id: string): string => `${this.base}/ob3/credentials/${id}`;
  ob3CredentialBaked = (id: string): string => `${this.base}/ob3/credentials/${id}/baked`;
  ob3Achievement = (id: string): string => `${this.base}/ob3/achievements/${id}`;
  ob3AchievementImage = (id: string): string => `${this.base}/ob3/achievements/${id}/image`;
  statusList = (n: number): string => `${this.base}/ob3/status/${n}`;

  // APIs
  badgrToken = (): string => `${this.base}/o/token`;
  oauthAuthorize = (): string => `${this.base}/oauth/authorize`;
  oauthToken = (): string => `${this.base}/oauth/token`;
  oauthRegister = (): string => `${this.base}/oauth/register`;
  oauthRevoke = (): string => `${this.base}/oauth/revoke`;
  ob3Api = (): string => `${this.base}/ims/ob/v3p0`;
  badgeConnectApi = (): string => `${this.base}/ims/ob/v2p1`;
  terms = (): string => `${this.base}/terms`;
  privacy = (): string => `${this.base}/privacy`;
}
