-- The web app's sessions, kept on the server: the browser's cookie holds only a session's random key (its SHA-256 is
-- the row's id), so signing out, "sign out everywhere" and the token's expiry end it for every copy of the cookie.
-- The ticket (the user's claims and token) is encrypted with the app's Data Protection keys.
CREATE TABLE web_sessions (
    id         CHAR(64)     PRIMARY KEY,
    user_id    VARCHAR(200) NOT NULL,
    ticket     BYTEA        NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_web_sessions_user ON web_sessions (user_id);
CREATE INDEX ix_web_sessions_expiry ON web_sessions (expires_at);
