-- Every change to what `/toc` and a TAG's dashboard keep per web process (lib/dashboards: seats,
-- role definitions, leaves, elections, liaisons, projects, employer history and the holders' names),
-- from any writer (a server action, the worker, a script, psql), tells every web process's cache
-- listener that the `governance` cache stamp is out of date (lib/cache/stamps.ts), as the trigger
-- of migration tag_cache_notice does for "Tag". One notice per statement, sent at commit, identical
-- notices of one transaction sent once.
CREATE FUNCTION "tag_portal_governance_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tag_portal_cache', 'database governance');
  RETURN NULL;
END
$$;

CREATE TRIGGER "RoleDefinition_cache_notice" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RoleDefinition"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
CREATE TRIGGER "RoleAssignment_cache_notice" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RoleAssignment"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
CREATE TRIGGER "Leave_cache_notice" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Leave"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
CREATE TRIGGER "Election_cache_notice" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Election"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
CREATE TRIGGER "Liaison_cache_notice" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Liaison"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
CREATE TRIGGER "Project_cache_notice" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Project"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
CREATE TRIGGER "EmployerHistory_cache_notice" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "EmployerHistory"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
-- A person's row changes on every sign-in and profile step; only the columns the kept rows show count.
CREATE TRIGGER "User_cache_notice" AFTER INSERT OR DELETE OR TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
CREATE TRIGGER "User_names_cache_notice" AFTER UPDATE OF "login", "name", "region", "employer" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_governance_changed"();
