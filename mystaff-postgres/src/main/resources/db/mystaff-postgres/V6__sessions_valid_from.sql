-- Session revocation (issue 14 part 5): the instant from which a user's sessions are valid, as
-- Entra's signInSessionsValidFromDateTime. NULL: never revoked. Only ever moves forward.
ALTER TABLE mystaff_user ADD COLUMN sessions_valid_from timestamptz;
