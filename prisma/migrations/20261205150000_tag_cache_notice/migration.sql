-- Every change to "Tag", from any writer (the portal, the worker, a script, psql), tells every web
-- process's cache listener that the `tags` cache stamp is out of date (lib/cache/stamps.ts). The
-- notice is sent when the transaction commits, and identical notices in one transaction are sent
-- once. The payload is the listener's "<origin> <tags>"; origin "database" is no process's own.
CREATE FUNCTION "tag_portal_tags_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tag_portal_cache', 'database tags');
  RETURN NULL;
END
$$;

CREATE TRIGGER "Tag_cache_notice"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Tag"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_tags_changed"();
