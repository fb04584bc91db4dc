-- Every change to what `/toc` and a TAG's dashboard keep per web process (lib/dashboards: seats,
-- role definitions, leaves, elections, liaisons, projects, employer history and the holders' names),
-- from any writer (a server action, the worker, a script, psql), tells every web process's cache
-- listener that the `governance` cache stamp is out of date (lib/cache/stamps.ts), as the trigger
-- of migration tag_cache_notice does for "Tag". Notices are sent at commit; identical ones of one
-- transaction are sent once.
-- One function for every table's notice: the cache tag is the trigger's argument.
CREATE FUNCTION "tag_portal_cache_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tag_portal_cache', 'database ' || TG_ARGV[0]);
  RETURN NULL;
END
$$;

-- Per row, so that a statement changing no row (a sweep's compare-and-swap that found nothing to
-- do) announces nothing; TRUNCATE has no rows, so it announces per statement.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['RoleDefinition', 'RoleAssignment', 'Leave', 'Election', 'Liaison', 'Project', 'EmployerHistory'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION "tag_portal_cache_changed"(''governance'')', t || '_cache_notice', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_cache_changed"(''governance'')', t || '_cache_truncate', t);
  END LOOP;
END
$$;

-- A person's row is written on every sign-in (login and name, usually unchanged) and profile step:
-- only a real change to what the kept rows show announces. A new person holds no seat yet (the
-- seat's own row announces it).
CREATE TRIGGER "User_cache_notice" AFTER UPDATE ON "User" FOR EACH ROW
  WHEN (OLD."login" IS DISTINCT FROM NEW."login" OR OLD."name" IS DISTINCT FROM NEW."name"
    OR OLD."region" IS DISTINCT FROM NEW."region" OR OLD."employer" IS DISTINCT FROM NEW."employer")
  EXECUTE FUNCTION "tag_portal_cache_changed"('governance');
CREATE TRIGGER "User_cache_delete" AFTER DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION "tag_portal_cache_changed"('governance');
CREATE TRIGGER "User_cache_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_cache_changed"('governance');
