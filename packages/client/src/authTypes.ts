/** What `POST /api/auth/login` and `GET /api/auth/me` answer. */
export interface SessionUser {
  id: string;
  email: string;
  isSuperuser: boolean;
}

export interface ModelPermissions {
  view: boolean;
  add: boolean;
  change: boolean;
  delete: boolean;
}

export interface SessionInfo {
  user: SessionUser;
  /** Granted permission strings; `["*"]` for superusers. */
  permissions: string[];
  /** Names of the user's roles (a page may require one). */
  roles?: string[];
  /** Model key -> what the user may do, for the UI to mirror (the server enforces it). */
  models?: Record<string, ModelPermissions>;
}
