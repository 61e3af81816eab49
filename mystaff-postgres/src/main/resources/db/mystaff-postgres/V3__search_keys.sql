-- Each user search term carries the user's sort key, so a prefix search reads one index range of
-- terms (index-only) and sorts the matches by directory order, without visiting users one by one.
ALTER TABLE mystaff_user_term ADD COLUMN name_key text COLLATE "C";
UPDATE mystaff_user_term t SET name_key = u.name_key
  FROM mystaff_user u WHERE u.tenant = t.tenant AND u.id = t.user_id;
ALTER TABLE mystaff_user_term ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX mystaff_user_term_search ON mystaff_user_term (tenant, term) INCLUDE (name_key, user_id);
