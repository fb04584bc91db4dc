-- AlterTable
ALTER TABLE "HelpWantedItem" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "HelpWantedItem_searchVector_idx" ON "HelpWantedItem" USING GIN ("searchVector");

-- Keep the vector current on every write (Prisma does not model generated columns).
CREATE FUNCTION help_wanted_search_vector() RETURNS trigger AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."body", '')), 'B');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "HelpWantedItem_search_vector"
  BEFORE INSERT OR UPDATE OF "title", "body" ON "HelpWantedItem"
  FOR EACH ROW EXECUTE FUNCTION help_wanted_search_vector();

UPDATE "HelpWantedItem" SET "searchVector" =
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("body", '')), 'B');

-- The stored vector's index replaces the expression index.
DROP INDEX "HelpWantedItem_search_idx";
