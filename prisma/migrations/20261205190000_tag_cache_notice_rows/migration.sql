-- The `tags` notice per changed row, as the governance notices are (migration
-- governance_cache_notice), through the same function: a statement that changes no "Tag" row (the
-- board review's compare-and-swap that lost) no longer empties every replica's kept TAG list and
-- what depends on it.
DROP TRIGGER "Tag_cache_notice" ON "Tag";
DROP FUNCTION "tag_portal_tags_changed"();
CREATE TRIGGER "Tag_cache_notice" AFTER INSERT OR UPDATE OR DELETE ON "Tag"
  FOR EACH ROW EXECUTE FUNCTION "tag_portal_cache_changed"('tags');
CREATE TRIGGER "Tag_cache_truncate" AFTER TRUNCATE ON "Tag"
  FOR EACH STATEMENT EXECUTE FUNCTION "tag_portal_cache_changed"('tags');
